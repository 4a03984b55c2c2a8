-- Cadre work (công tác cán bộ, DOMAIN §1.3 and §6): congresses and terms, committee seats,
-- leadership titles and their incumbents, planning, rotation and training, with the rule sets they
-- are judged by. People are members: every row links to members' member id and copies nothing of
-- the record sheet. Units are orgstructure's unit ids; dates are legal dates (Asia/Ho_Chi_Minh).
create schema if not exists cadres;

-- Planning, appointment and rotation thresholds by date. An act is judged by the rule set valid on
-- its date and keeps that rule set's code. [R] marks values the official text must confirm.
create table cadres.rule_set (
    code                        text primary key,
    name                        text not null,
    legal_basis                 text not null,
    valid_from                  date not null,
    valid_to                    date,
    -- planning (quy hoạch)
    max_planned_per_title       integer not null check (max_planned_per_title > 0),
    max_titles_per_cadre        integer not null check (max_titles_per_cadre > 0),
    planning_full_term_months   integer not null check (planning_full_term_months > 0),
    young_age_central           integer not null,
    young_age_local             integer not null,
    young_target_pct            numeric(5, 2) not null,
    women_target_pct            numeric(5, 2) not null,
    minority_target_pct         numeric(5, 2),
    removal_discipline_forms    text[] not null,
    low_confidence_removal_pct  numeric(5, 2) not null,
    -- appointment (bổ nhiệm)
    appointment_term_years      integer not null check (appointment_term_years > 0),
    appointment_remaining_months integer not null check (appointment_remaining_months >= 0),
    notice_amount               integer not null check (notice_amount > 0),
    notice_unit                 text not null check (notice_unit in ('DAYS', 'WORKING_DAYS')),
    retirement_notice_months    integer not null check (retirement_notice_months > 0),
    -- rotation (luân chuyển)
    rotation_min_months         integer not null check (rotation_min_months > 0),
    reference_notes             text not null,
    check (valid_to is null or valid_to > valid_from)
);

insert into cadres.rule_set values
    ('QD105_2017', 'QĐ 105-QĐ/TW (2017) về bổ nhiệm; quy hoạch trước QĐ 50',
     'QĐ 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị; QĐ 98-QĐ/TW ngày 07/10/2017 (luân chuyển); HD 15-HD/BTCTW ngày 05/11/2012 (quy hoạch) [R]',
     date '2017-12-19', date '2021-12-27',
     3, 3, 60, 45, 40, 15, 15, null, '{REPRIMAND,WARNING,REMOVAL_FROM_POST,EXPULSION}', 50,
     5, 60, 90, 'DAYS', 6, 36,
     'Mỗi chức danh quy hoạch không quá 3 người, mỗi người không quá 3 chức danh [R]; thông báo chậm nhất 90 ngày trước khi hết thời hạn bổ nhiệm [R]; nữ ≥ 15% theo hướng dẫn trước đây [R].'),
    ('QD50_2021', 'QĐ 50-QĐ/TW (2021) và HD 16-HD/BTCTW (2022) về quy hoạch; QĐ 105 về bổ nhiệm',
     'QĐ 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị; HD 16-HD/BTCTW ngày 15/02/2022; QĐ 105-QĐ/TW ngày 19/12/2017; QĐ 41-QĐ/TW năm 2021 (miễn nhiệm, từ chức)',
     date '2021-12-27', date '2022-08-18',
     3, 3, 60, 45, 40, 15, 25, null, '{REPRIMAND,WARNING,REMOVAL_FROM_POST,EXPULSION}', 50,
     5, 60, 90, 'DAYS', 6, 36,
     'Quy hoạch phải đủ tuổi công tác ít nhất trọn một nhiệm kỳ (HD 16); cán bộ trẻ ≥ 15% (dưới 45 ở Trung ương, dưới 40 ở cấp tỉnh, huyện), nữ ≥ 25%; tự động đưa ra khỏi quy hoạch khi quá tuổi, bị kỷ luật từ khiển trách trở lên, không bảo đảm tiêu chuẩn chính trị.'),
    ('QD80_2022', 'QĐ 50-QĐ/TW (2021) và HD 16 về quy hoạch; QĐ 80-QĐ/TW (2022) về bổ nhiệm',
     'QĐ 50-QĐ/TW ngày 27/12/2021; HD 16-HD/BTCTW ngày 15/02/2022; QĐ 80-QĐ/TW ngày 18/08/2022 của Bộ Chính trị; QĐ 41-QĐ/TW năm 2021; QĐ 65-QĐ/TW ngày 28/04/2022 (luân chuyển) [R]',
     date '2022-08-18', date '2025-10-08',
     3, 3, 60, 45, 40, 15, 25, null, '{REPRIMAND,WARNING,REMOVAL_FROM_POST,EXPULSION}', 50,
     5, 60, 90, 'DAYS', 6, 36,
     'Thời hạn bổ nhiệm 5 năm [R]; thông báo chậm nhất 90 ngày trước khi hết thời hạn bổ nhiệm [R]; luân chuyển ít nhất 3 năm [R].'),
    ('QD377_2025', 'QĐ 377-QĐ/TW (2025) về quản lý, quy hoạch, bổ nhiệm cán bộ',
     'QĐ 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị',
     date '2025-10-08', null,
     3, 3, 60, 45, 40, 15, 25, null, '{REPRIMAND,WARNING,REMOVAL_FROM_POST,EXPULSION}', 50,
     5, 60, 90, 'WORKING_DAYS', 6, 36,
     'Chỉ quy hoạch chức danh cao hơn; mỗi chức danh không quá 3 người; mỗi người không quá 3 chức danh cùng cấp; rà soát hằng năm. Cấp có thẩm quyền thông báo chậm nhất 90 ngày làm việc trước khi hết thời hạn bổ nhiệm.');

-- Retirement age (tuổi nghỉ hưu) in months by the year it is reached: Bộ luật Lao động 2012 Điều 187
-- (men 60, women 55) until 2020; Bộ luật Lao động 2019 Điều 169 with Nghị định 135/2020/NĐ-CP from
-- 2021 (men 60 years 3 months, +3 months a year to 62 in 2028; women 55 years 4 months, +4 months a
-- year to 60 in 2035).
create table cadres.retirement_rule (
    code        text not null,
    legal_basis text not null,
    gender      text not null check (gender in ('MALE', 'FEMALE')),
    from_year   integer not null,
    to_year     integer,
    base_months integer not null,
    step_months integer not null,
    max_months  integer not null,
    primary key (code, gender)
);
insert into cadres.retirement_rule values
    ('BLLD_2012', 'Bộ luật Lao động 2012 Điều 187', 'MALE', 1900, 2020, 720, 0, 720),
    ('BLLD_2012', 'Bộ luật Lao động 2012 Điều 187', 'FEMALE', 1900, 2020, 660, 0, 660),
    ('BLLD_2019', 'Bộ luật Lao động 2019 Điều 169; Nghị định 135/2020/NĐ-CP', 'MALE', 2021, null, 723, 3, 744),
    ('BLLD_2019', 'Bộ luật Lao động 2019 Điều 169; Nghị định 135/2020/NĐ-CP', 'FEMALE', 2021, null, 664, 4, 720);

-- A term (nhiệm kỳ) of a unit's committee: opened by a congress (đại hội) that elects the committee,
-- or by the upper level appointing a committee (a commune committee formed in 2025). [starts_on, ends_on).
create table cadres.term (
    id               bigserial primary key,
    unit_id          bigint not null,
    label            text not null check (length(btrim(label)) > 0),
    starts_on        date not null,
    ends_on          date not null,
    formed_by        text not null check (formed_by in ('CONGRESS', 'APPOINTMENT')),
    congress_name    text,
    congress_date    date,
    delegates        integer check (delegates > 0),
    decision_number  text not null,
    decision_date    date not null,
    decision_body    text not null,
    check (ends_on > starts_on),
    check (formed_by = 'APPOINTMENT' or congress_date is not null)
);
create index term_unit_idx on cadres.term (unit_id, starts_on);

-- A seat on a term's committee (cấp ủy) in one role, from the day the member joined it to the day
-- they left it (exclusive). A change of role closes the seat and opens the next one (follows_id).
create table cadres.committee_seat (
    id                    bigserial primary key,
    term_id               bigint not null references cadres.term (id),
    member_id             bigint not null,
    role                  text not null check (role in ('MEMBER', 'STANDING', 'DEPUTY_SECRETARY', 'SECRETARY')),
    entry                 text not null check (entry in ('ELECTED', 'APPOINTED', 'ADDED')),
    joined_on             date not null,
    join_decision_number  text not null,
    join_decision_date    date not null,
    join_decision_body    text not null,
    follows_id            bigint references cadres.committee_seat (id),
    left_on               date,
    leave_reason          text check (leave_reason in ('MOVED', 'RETIRED', 'RESIGNED', 'DISMISSED', 'DISCIPLINED',
                                                       'DIED', 'ROLE_CHANGED')),
    leave_decision_number text,
    leave_decision_date   date,
    leave_decision_body   text,
    check (left_on is null or left_on > joined_on),
    check ((left_on is null) = (leave_reason is null))
);
create index committee_seat_term_idx on cadres.committee_seat (term_id, joined_on);
create index committee_seat_member_idx on cadres.committee_seat (member_id);

-- The catalogue of leadership titles (chức danh lãnh đạo, quản lý) per unit type: party titles and
-- the state, Front and mass-organisation titles the committee manages. managing_level is the level
-- whose standing board manages the title (diện … quản lý); rank 1 is the unit's highest title.
create table cadres.title (
    code           text primary key,
    unit_type      text not null,
    name           text not null,
    name_en        text not null,
    kind           text not null check (kind in ('PARTY', 'STATE', 'FRONT', 'MASS')),
    managing_level text not null check (managing_level in ('CENTRAL', 'PROVINCIAL', 'UPPER_GRASSROOTS', 'GRASSROOTS')),
    single_holder  boolean not null,
    appointed      boolean not null,
    rank           integer not null check (rank > 0),
    sort           integer not null
);

insert into cadres.title values
    ('PROVINCIAL.SECRETARY', 'PROVINCIAL', 'Bí thư Tỉnh ủy', 'Provincial party secretary', 'PARTY', 'CENTRAL', true, false, 1, 10),
    ('PROVINCIAL.DEPUTY_SECRETARY', 'PROVINCIAL', 'Phó Bí thư Tỉnh ủy', 'Deputy provincial party secretary', 'PARTY', 'CENTRAL', false, false, 2, 20),
    ('PROVINCIAL.COUNCIL_CHAIR', 'PROVINCIAL', 'Chủ tịch Hội đồng nhân dân tỉnh', 'Chair of the provincial People''s Council', 'STATE', 'CENTRAL', true, false, 2, 30),
    ('PROVINCIAL.COMMITTEE_CHAIR', 'PROVINCIAL', 'Chủ tịch Ủy ban nhân dân tỉnh', 'Chair of the provincial People''s Committee', 'STATE', 'CENTRAL', true, false, 2, 40),
    ('PROVINCIAL.STANDING_MEMBER', 'PROVINCIAL', 'Ủy viên Ban Thường vụ Tỉnh ủy', 'Member of the provincial standing board', 'PARTY', 'PROVINCIAL', false, false, 3, 50),
    ('PROVINCIAL.ORGANISATION_HEAD', 'PROVINCIAL', 'Trưởng Ban Tổ chức Tỉnh ủy', 'Head of the provincial Organisation Commission', 'PARTY', 'PROVINCIAL', true, false, 3, 60),
    ('PROVINCIAL.INSPECTION_HEAD', 'PROVINCIAL', 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy', 'Chair of the provincial Inspection Commission', 'PARTY', 'PROVINCIAL', true, false, 3, 70),
    ('PROVINCIAL.COMMITTEE_VICE_CHAIR', 'PROVINCIAL', 'Phó Chủ tịch Ủy ban nhân dân tỉnh', 'Vice-chair of the provincial People''s Committee', 'STATE', 'PROVINCIAL', false, false, 4, 80),
    ('PROVINCIAL.FRONT_CHAIR', 'PROVINCIAL', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Chair of the provincial Fatherland Front', 'FRONT', 'PROVINCIAL', true, false, 4, 90),
    ('PROVINCIAL.OFFICE_CHIEF', 'PROVINCIAL', 'Chánh Văn phòng Tỉnh ủy', 'Chief of the provincial party office', 'PARTY', 'PROVINCIAL', true, true, 5, 100),
    ('PROVINCIAL.DEPUTY_COMMISSION_HEAD', 'PROVINCIAL', 'Phó Trưởng ban của Tỉnh ủy', 'Deputy head of a provincial party commission', 'PARTY', 'PROVINCIAL', false, true, 5, 110),
    ('PROVINCIAL.DEPARTMENT_DIRECTOR', 'PROVINCIAL', 'Giám đốc sở, thủ trưởng ban, ngành tỉnh', 'Director of a provincial department', 'STATE', 'PROVINCIAL', false, true, 5, 120),
    ('PROVINCIAL.YOUTH_SECRETARY', 'PROVINCIAL', 'Bí thư Tỉnh đoàn', 'Secretary of the provincial Youth Union', 'MASS', 'PROVINCIAL', true, false, 6, 130),
    ('PROVINCIAL.WOMEN_CHAIR', 'PROVINCIAL', 'Chủ tịch Hội Liên hiệp Phụ nữ tỉnh', 'Chair of the provincial Women''s Union', 'MASS', 'PROVINCIAL', true, false, 6, 140),

    ('UPPER_GRASSROOTS.SECRETARY', 'UPPER_GRASSROOTS', 'Bí thư', 'Party secretary', 'PARTY', 'PROVINCIAL', true, false, 1, 10),
    ('UPPER_GRASSROOTS.DEPUTY_SECRETARY', 'UPPER_GRASSROOTS', 'Phó Bí thư', 'Deputy party secretary', 'PARTY', 'PROVINCIAL', false, false, 2, 20),
    ('UPPER_GRASSROOTS.COUNCIL_CHAIR', 'UPPER_GRASSROOTS', 'Chủ tịch Hội đồng nhân dân', 'Chair of the People''s Council', 'STATE', 'PROVINCIAL', true, false, 2, 30),
    ('UPPER_GRASSROOTS.COMMITTEE_CHAIR', 'UPPER_GRASSROOTS', 'Chủ tịch Ủy ban nhân dân', 'Chair of the People''s Committee', 'STATE', 'PROVINCIAL', true, false, 2, 40),
    ('UPPER_GRASSROOTS.STANDING_MEMBER', 'UPPER_GRASSROOTS', 'Ủy viên Ban Thường vụ', 'Member of the standing board', 'PARTY', 'PROVINCIAL', false, false, 3, 50),
    ('UPPER_GRASSROOTS.BUILDING_HEAD', 'UPPER_GRASSROOTS', 'Trưởng Ban Xây dựng Đảng (Trưởng Ban Tổ chức)', 'Head of the party-building board', 'PARTY', 'PROVINCIAL', true, false, 3, 60),
    ('UPPER_GRASSROOTS.INSPECTION_HEAD', 'UPPER_GRASSROOTS', 'Chủ nhiệm Ủy ban Kiểm tra', 'Chair of the Inspection Commission', 'PARTY', 'PROVINCIAL', true, false, 3, 70),
    ('UPPER_GRASSROOTS.COMMITTEE_VICE_CHAIR', 'UPPER_GRASSROOTS', 'Phó Chủ tịch Ủy ban nhân dân', 'Vice-chair of the People''s Committee', 'STATE', 'PROVINCIAL', false, false, 4, 80),
    ('UPPER_GRASSROOTS.FRONT_CHAIR', 'UPPER_GRASSROOTS', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam', 'Chair of the Fatherland Front', 'FRONT', 'PROVINCIAL', true, false, 4, 90),
    ('UPPER_GRASSROOTS.YOUTH_SECRETARY', 'UPPER_GRASSROOTS', 'Bí thư Đoàn Thanh niên', 'Secretary of the Youth Union', 'MASS', 'UPPER_GRASSROOTS', true, false, 5, 100),
    ('UPPER_GRASSROOTS.WOMEN_CHAIR', 'UPPER_GRASSROOTS', 'Chủ tịch Hội Liên hiệp Phụ nữ', 'Chair of the Women''s Union', 'MASS', 'UPPER_GRASSROOTS', true, false, 5, 110),
    ('UPPER_GRASSROOTS.FARMERS_CHAIR', 'UPPER_GRASSROOTS', 'Chủ tịch Hội Nông dân', 'Chair of the Farmers'' Union', 'MASS', 'UPPER_GRASSROOTS', true, false, 5, 120),
    ('UPPER_GRASSROOTS.VETERANS_CHAIR', 'UPPER_GRASSROOTS', 'Chủ tịch Hội Cựu chiến binh', 'Chair of the Veterans'' Association', 'MASS', 'UPPER_GRASSROOTS', true, false, 5, 130),

    ('GRASSROOTS_COMMITTEE.SECRETARY', 'GRASSROOTS_COMMITTEE', 'Bí thư Đảng ủy', 'Secretary of the grassroots committee', 'PARTY', 'UPPER_GRASSROOTS', true, false, 1, 10),
    ('GRASSROOTS_COMMITTEE.DEPUTY_SECRETARY', 'GRASSROOTS_COMMITTEE', 'Phó Bí thư Đảng ủy', 'Deputy secretary of the grassroots committee', 'PARTY', 'UPPER_GRASSROOTS', false, false, 2, 20),
    ('GRASSROOTS_COMMITTEE.HEAD', 'GRASSROOTS_COMMITTEE', 'Thủ trưởng cơ quan, đơn vị', 'Head of the agency or unit', 'STATE', 'UPPER_GRASSROOTS', true, true, 2, 30),
    ('GRASSROOTS_CELL.SECRETARY', 'GRASSROOTS_CELL', 'Bí thư Chi bộ', 'Secretary of the grassroots cell', 'PARTY', 'UPPER_GRASSROOTS', true, false, 1, 10),
    ('GRASSROOTS_CELL.DEPUTY_SECRETARY', 'GRASSROOTS_CELL', 'Phó Bí thư Chi bộ', 'Deputy secretary of the grassroots cell', 'PARTY', 'UPPER_GRASSROOTS', true, false, 2, 20),
    ('CELL.SECRETARY', 'CELL', 'Bí thư Chi bộ', 'Cell secretary', 'PARTY', 'GRASSROOTS', true, false, 1, 10),
    ('CELL.DEPUTY_SECRETARY', 'CELL', 'Phó Bí thư Chi bộ', 'Deputy cell secretary', 'PARTY', 'GRASSROOTS', true, false, 2, 20);

-- An incumbency (đương nhiệm): a member holding a title at a unit from starts_on until ended_on
-- (exclusive), by appointment, reappointment, election, designation (chỉ định) or nomination (giới
-- thiệu ứng cử), with the appointment term's end and the rule set it was decided under.
create table cadres.incumbency (
    id                  bigserial primary key,
    unit_id             bigint not null,
    title_code          text not null references cadres.title (code),
    member_id           bigint not null,
    kind                text not null check (kind in ('APPOINTED', 'REAPPOINTED', 'ELECTED', 'DESIGNATED', 'NOMINATED')),
    starts_on           date not null,
    term_ends_on        date not null,
    dossier_received_on date,
    rule_set_code       text not null references cadres.rule_set (code),
    decision_number     text not null,
    decision_date       date not null,
    decision_body       text not null,
    follows_id          bigint references cadres.incumbency (id),
    ended_on            date,
    end_kind            text check (end_kind in ('TERM_ENDED', 'REAPPOINTED', 'DISMISSED', 'RESIGNED', 'REMOVED',
                                                 'MOVED', 'RETIRED', 'DIED')),
    end_decision_number text,
    end_decision_date   date,
    end_decision_body   text,
    end_reason          text,
    check (term_ends_on > starts_on),
    check (ended_on is null or ended_on > starts_on),
    check ((ended_on is null) = (end_kind is null))
);
create index incumbency_post_idx on cadres.incumbency (unit_id, title_code, starts_on);
create index incumbency_member_idx on cadres.incumbency (member_id);
create index incumbency_open_idx on cadres.incumbency (term_ends_on) where ended_on is null;

-- Planning periods (giai đoạn quy hoạch): local terms 2020–2025, 2025–2030, 2030–2035; the Central
-- Committee's 2021–2026, 2026–2031, 2031–2036. starts_on is when the planned term begins (the
-- congress season), the date a full term of age is counted from.
create table cadres.plan_period (
    code      text primary key,
    label     text not null,
    scope     text not null check (scope in ('LOCAL', 'CENTRAL')),
    starts_on date not null,
    ends_on   date not null check (ends_on > starts_on)
);
insert into cadres.plan_period values
    ('LOCAL_2020_2025', '2020–2025', 'LOCAL', date '2020-10-01', date '2025-10-01'),
    ('LOCAL_2025_2030', '2025–2030', 'LOCAL', date '2025-10-01', date '2030-10-01'),
    ('LOCAL_2030_2035', '2030–2035', 'LOCAL', date '2030-10-01', date '2035-10-01'),
    ('CENTRAL_2021_2026', '2021–2026', 'CENTRAL', date '2021-01-25', date '2026-01-19'),
    ('CENTRAL_2026_2031', '2026–2031', 'CENTRAL', date '2026-01-19', date '2031-01-19'),
    ('CENTRAL_2031_2036', '2031–2036', 'CENTRAL', date '2031-01-19', date '2036-01-19');

-- A planned cadre (cán bộ trong quy hoạch) for a title at a unit in a period, added and removed with
-- decisions; the rule set of the addition is kept.
create table cadres.plan_entry (
    id                      bigserial primary key,
    period_code             text not null references cadres.plan_period (code),
    unit_id                 bigint not null,
    title_code              text not null references cadres.title (code),
    member_id               bigint not null,
    added_on                date not null,
    rule_set_code           text not null references cadres.rule_set (code),
    decision_number         text not null,
    decision_date           date not null,
    decision_body           text not null,
    removed_on              date,
    removal_reason          text check (removal_reason in ('OVER_AGE', 'DISCIPLINE', 'POLITICAL_STANDARD',
                                                           'LOW_CONFIDENCE', 'NOT_MEETING_STANDARDS', 'APPOINTED', 'OTHER')),
    removal_note            text,
    removal_decision_number text,
    removal_decision_date   date,
    removal_decision_body   text,
    check (removed_on is null or removed_on >= added_on),
    check ((removed_on is null) = (removal_reason is null))
);
create index plan_entry_post_idx on cadres.plan_entry (period_code, unit_id, title_code) where removed_on is null;
create index plan_entry_member_idx on cadres.plan_entry (member_id);

-- Training (đào tạo, bồi dưỡng): political theory, state management, degrees and courses.
create table cadres.training (
    id          bigserial primary key,
    member_id   bigint not null,
    kind        text not null check (kind in ('POLITICAL_THEORY', 'STATE_MANAGEMENT', 'DEGREE', 'COURSE')),
    level       text,
    name        text not null check (length(btrim(name)) > 0),
    institution text not null check (length(btrim(institution)) > 0),
    starts_on   date not null,
    ends_on     date,
    certificate text,
    check (ends_on is null or ends_on >= starts_on)
);
create index training_member_idx on cadres.training (member_id, starts_on);

-- Rotation (luân chuyển, with a planned return), transfer (điều động) and secondment (biệt phái).
create table cadres.rotation (
    id                  bigserial primary key,
    member_id           bigint not null,
    kind                text not null check (kind in ('ROTATION', 'TRANSFER', 'SECONDMENT')),
    from_unit_id        bigint not null,
    to_unit_id          bigint not null,
    position            text not null,
    starts_on           date not null,
    planned_end         date,
    return_unit_id      bigint,
    rule_set_code       text not null references cadres.rule_set (code),
    decision_number     text not null,
    decision_date       date not null,
    decision_body       text not null,
    ended_on            date,
    end_decision_number text,
    end_decision_date   date,
    end_decision_body   text,
    check (planned_end is null or planned_end > starts_on),
    check (ended_on is null or ended_on > starts_on)
);
create index rotation_member_idx on cadres.rotation (member_id);
create index rotation_to_idx on cadres.rotation (to_unit_id);
create index rotation_from_idx on cadres.rotation (from_unit_id);
