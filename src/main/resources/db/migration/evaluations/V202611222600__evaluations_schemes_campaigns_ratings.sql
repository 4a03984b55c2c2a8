-- Annual review and quality rating (kiểm điểm, đánh giá, xếp loại chất lượng), DOMAIN §3.
create schema if not exists evaluations;

-- A rating scheme is a rule set: the levels, thresholds, quota and blocking rules of one regulation,
-- chosen by the end date of the period rated. A rating keeps the scheme it was made under forever.
-- Levels are listed best first; rank 1 is the top level, rank 2 "good", rank 3 "completed",
-- rank 4 "failed". A null threshold means the regulation has no such rule.
create table evaluations.scheme (
    code                   text primary key check (code ~ '^[A-Z0-9_]{1,30}$'),
    name                   text    not null,
    legal_basis            text    not null,
    valid_from             date    not null,
    valid_to               date,
    periods                text[]  not null,
    member_levels          text[]  not null check (cardinality(member_levels) = 4),
    org_levels             text[]  not null check (cardinality(org_levels) = 4),
    scored                 boolean not null,
    -- lowest score of each level, best first (scored schemes): {90,70,50,0}
    score_floors           int[] check (score_floors is null or cardinality(score_floors) = 4),
    not_rated_member_months int,
    not_rated_unit_months  int,
    sick_leave_cap_days    int,
    sick_leave_cap_rank    int check (sick_leave_cap_rank between 1 and 4),
    fail_targets_below_pct int,
    org_good_pass_pct      int,
    org_good_good_pct      int,
    org_fail_member_pct    int,
    org_excellent_no_discipline boolean not null default false,
    quota_pct              numeric(5, 2),
    quota_scope            text check (quota_scope in ('GRASSROOTS', 'DECIDER')),
    quota_rounding         text check (quota_rounding in ('FLOOR', 'HALF_UP', 'CEILING')),
    quota_organisations    boolean not null default false,
    reference_notes        text    not null,
    check (valid_to is null or valid_to > valid_from),
    check (not scored or score_floors is not null),
    check (quota_pct is null or (quota_scope is not null and quota_rounding is not null))
);

insert into evaluations.scheme (code, name, legal_basis, valid_from, valid_to, periods, member_levels, org_levels,
                                scored, score_floors, not_rated_member_months, not_rated_unit_months,
                                sick_leave_cap_days, sick_leave_cap_rank, fail_targets_below_pct,
                                org_good_pass_pct, org_good_good_pct, org_fail_member_pct,
                                org_excellent_no_discipline, quota_pct, quota_scope, quota_rounding,
                                quota_organisations, reference_notes)
values
    ('HD20_2008', 'Đánh giá chất lượng theo Hướng dẫn 20-HD/BTCTW (2008)',
     'Hướng dẫn số 20-HD/BTCTW ngày 10/10/2008 của Ban Tổ chức Trung ương', '2008-10-10', '2014-09-25',
     '{YEAR}', '{QUALIFIED_EXCELLENT,QUALIFIED_GOOD,QUALIFIED_LIMITED,VIOLATED}',
     '{EXEMPLARY_CLEAN_STRONG,CLEAN_STRONG,GOOD,WEAK}', false, null, 6, 6, null, null, null,
     null, null, null, false, null, null, null, false,
     'Mức xếp loại đảng viên "đủ tư cách…" và "vi phạm tư cách" [R]; chưa đủ 6 tháng không xếp loại [R].'),
    ('HD27_2014', 'Đánh giá chất lượng theo Hướng dẫn 27-HD/BTCTW (2014)',
     'Hướng dẫn số 27-HD/BTCTW ngày 25/9/2014 của Ban Tổ chức Trung ương', '2014-09-25', '2018-03-08',
     '{YEAR}', '{EXCELLENT,GOOD,COMPLETED,NOT_COMPLETED}',
     '{EXEMPLARY_CLEAN_STRONG,CLEAN_STRONG,GOOD,WEAK}', false, null, 6, 6, null, null, null,
     null, null, 50, false, null, null, null, false,
     'Chi bộ yếu kém khi quá 1/2 đảng viên không hoàn thành nhiệm vụ (HD 27, mục yếu kém).'),
    ('QD132_2018', 'Kiểm điểm, đánh giá, xếp loại theo Quy định 132-QĐ/TW (2018)',
     'Quy định số 132-QĐ/TW ngày 08/3/2018; Hướng dẫn số 16-HD/BTCTW ngày 24/9/2018, sửa đổi bởi Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019',
     '2018-03-08', '2023-10-04', '{YEAR}', '{EXCELLENT,GOOD,COMPLETED,NOT_COMPLETED}',
     '{EXCELLENT,GOOD,COMPLETED,NOT_COMPLETED}', false, null, 6, 6, 90, 3, 50,
     100, 50, 20, true, 20, 'GRASSROOTS', 'FLOOR', true,
     'HD 21 mục 2.3a: HTXSNV không quá 20% số HTTNV trong từng tổ chức cơ sở đảng; II.6: không xếp loại khi chưa đủ 6 tháng, nghỉ ốm từ 3 tháng không quá HTNV; chi bộ KHTNV khi quá 20% đảng viên KHTNV [P].'),
    ('QD124_2023', 'Kiểm điểm, đánh giá, xếp loại theo Quy định 124-QĐ/TW (2023)',
     'Quy định số 124-QĐ/TW ngày 04/10/2023; Hướng dẫn số 25-HD/BTCTW ngày 10/11/2023',
     '2023-10-04', '2025-08-30', '{YEAR}', '{EXCELLENT,GOOD,COMPLETED,NOT_COMPLETED}',
     '{EXCELLENT,GOOD,COMPLETED,NOT_COMPLETED}', false, null, 6, 6, 90, 3, 50,
     100, 50, 20, true, 20, 'DECIDER', 'FLOOR', true,
     'Điều 12: HTXSNV không quá 20% số HTTNV theo từng nhóm đối tượng có vai trò, chức năng, nhiệm vụ tương đồng.'),
    ('QD366_2025', 'Kiểm điểm, đánh giá, xếp loại theo Quy định 366-QĐ/TW (2025), thang 100 điểm',
     'Quy định số 366-QĐ/TW ngày 30/8/2025; Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025; Công văn 10072-CV/BTCTW ngày 06/11/2025',
     '2025-08-30', null, '{YEAR,QUARTER,TERM}', '{EXCELLENT,GOOD,COMPLETED,NOT_COMPLETED}',
     '{EXCELLENT,GOOD,COMPLETED,NOT_COMPLETED}', true, '{90,70,50,0}', 6, 6, 90, 3, 50,
     100, 50, 20, true, 20, 'DECIDER', 'FLOOR', true,
     'Điều 11: HTXSNV từ 90 điểm, HTTNV 70 đến dưới 90, HTNV 50 đến dưới 70, KHTNV dưới 50; hạn mức 20% tiếp tục áp dụng [R].');

-- A campaign opens the review of one period for a unit's subtree. One campaign covers a unit per period.
create table evaluations.campaign (
    id            bigint generated always as identity primary key,
    unit_id       bigint  not null,
    period_kind   text    not null check (period_kind in ('YEAR', 'QUARTER', 'TERM')),
    year          int     not null check (year between 2000 and 2100),
    period_no     int     not null default 0,
    period_start  date    not null,
    period_end    date    not null,
    scheme_code   text    not null references evaluations.scheme (code),
    opened_on     date    not null,
    opened_by     text    not null,
    roll_date     date    not null,
    check (period_end > period_start)
);
create index campaign_unit_idx on evaluations.campaign (unit_id, year);

-- One subject of a campaign: a member, a party organisation, a leadership collective or a leader.
--  unit_id       the member's cell (member, leader) or the organisation / collective's unit
--  unit_path     that unit's path in the tree on the campaign's roll date (subtree filters)
--  parent_unit_id its parent then (an organisation's rating depends on its subordinates' ratings)
--  grassroots_id the enclosing grassroots organisation (TCCSĐ), when there is one
--  decider_id    the committee that decides the rating
--  quota_group   the group within which HTXSNV ≤ quota × HTTNV is checked
create table evaluations.rating (
    id                  bigint generated always as identity primary key,
    campaign_id         bigint  not null references evaluations.campaign (id),
    subject_kind        text    not null check (subject_kind in ('MEMBER', 'ORGANISATION', 'COLLECTIVE', 'LEADER')),
    member_id           bigint,
    unit_id             bigint  not null,
    unit_path           text    not null collate "C",
    unit_name           text    not null,
    unit_type           text    not null,
    parent_unit_id      bigint,
    grassroots_id       bigint,
    decider_id          bigint  not null,
    decider_name        text    not null,
    quota_group         text    not null,
    subject_name        text    not null,
    position            text check (length(position) <= 200),
    status              text    not null check (status in ('PENDING', 'SELF_ASSESSED', 'PROPOSED', 'DECIDED', 'NOT_RATED')),
    not_rated_reason    text check (not_rated_reason in ('ADMITTED_RECENTLY', 'EXEMPT', 'UNIT_NEW')),
    not_rated_since     date,
    disciplined         text,
    sick_leave_days     int check (sick_leave_days between 0 and 366),
    targets_pct         int check (targets_pct between 0 and 100),
    degradation         boolean not null default false,
    public_servant_failed boolean not null default false,
    self_level          text,
    self_score          numeric(5, 2) check (self_score between 0 and 100),
    proposed_level      text,
    proposed_score      numeric(5, 2) check (proposed_score between 0 and 100),
    votes_for           int check (votes_for >= 0),
    votes_total         int check (votes_total > 0),
    decided_level       text,
    decided_score       numeric(5, 2) check (decided_score between 0 and 100),
    decided_at          timestamptz,
    decided_by          text,
    decision_number     text,
    decision_date       date,
    decision_body       text,
    quota_override      text,
    version             int     not null default 0,
    check (votes_for is null or votes_total is null or votes_for <= votes_total),
    check ((status = 'NOT_RATED') = (not_rated_reason is not null)),
    check ((status = 'DECIDED') = (decided_level is not null and decision_number is not null)),
    check ((subject_kind in ('MEMBER', 'LEADER')) = (member_id is not null))
);
create unique index rating_member_uq on evaluations.rating (campaign_id, member_id) where subject_kind = 'MEMBER';
create unique index rating_unit_uq on evaluations.rating (campaign_id, subject_kind, unit_id)
    where subject_kind in ('ORGANISATION', 'COLLECTIVE');
create unique index rating_leader_uq on evaluations.rating (campaign_id, member_id, unit_id, position)
    where subject_kind = 'LEADER';
create index rating_unit_idx on evaluations.rating (campaign_id, unit_path);
create index rating_parent_idx on evaluations.rating (campaign_id, parent_unit_id);
create index rating_decider_idx on evaluations.rating (campaign_id, decider_id);
create index rating_member_idx on evaluations.rating (member_id) where member_id is not null;

-- Every step of every rating, append-only: self-assessment, the cell's proposal with its votes,
-- the decision, a quota override, a reopening with its reason.
create table evaluations.rating_step (
    id              bigint generated always as identity primary key,
    rating_id       bigint      not null references evaluations.rating (id),
    step            text        not null check (step in ('SELF', 'PROPOSAL', 'DECISION', 'OVERRIDE', 'REOPEN')),
    level           text,
    score           numeric(5, 2),
    votes_for       int,
    votes_total     int,
    decision_number text,
    decision_date   date,
    decision_body   text,
    reason          text,
    actor           text        not null,
    at              timestamptz not null default now()
);
create index rating_step_rating_idx on evaluations.rating_step (rating_id, id);
