-- Party development (phát triển đảng viên, DOMAIN §2.1–2.2): the admission rule sets by date, the
-- outstanding candidates (quần chúng ưu tú) proposed by a cell, the awareness classes (lớp bồi dưỡng
-- nhận thức về Đảng) and their certificates, the sponsors, the file checklist of HD 12-HD/BTCTW (2022)
-- II.1.1(a), the dated steps of each candidate, and the units' admission targets per year.
-- Units are orgstructure's unit ids; sponsors and the admitted member are members' ids.
--
-- Data minimisation: a candidate row holds only what the admission carries into the member record
-- sheet (phiếu đảng viên); nothing else is asked for. A refused candidate stays as history.
create schema if not exists development;

-- The thresholds of the pipeline by date; an act is judged by the rule set valid on its date
-- (the cell's vote by the date of the cell's meeting).
create table development.rule_set (
    code                      text primary key,
    name                      text    not null,
    legal_basis               text    not null,
    valid_from                date    not null,
    valid_to                  date,
    -- "đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)" on the day the cell considers: completed months
    min_age_months            integer not null check (min_age_months > 0),
    max_age_months            integer not null check (max_age_months > min_age_months),
    age_basis                 text    not null,
    -- the awareness-class certificate is valid this many months from its date [R]
    certificate_months        integer not null check (certificate_months > 0),
    certificate_basis         text    not null,
    -- a file the cell has not considered within this many months needs its sponsor letter, union
    -- resolution and residence comments redone
    file_months               integer not null check (file_months > 0),
    file_basis                text    not null,
    -- cell: share of its full members in favour; grassroots committee: share of its members
    cell_vote_num             integer not null check (cell_vote_num > 0),
    cell_vote_den             integer not null check (cell_vote_den >= cell_vote_num),
    committee_vote_num        integer not null check (committee_vote_num > 0),
    committee_vote_den        integer not null check (committee_vote_den >= committee_vote_num),
    vote_basis                text    not null,
    -- the competent committee decides within this many working days of the cell's resolution
    decision_working_days     integer not null check (decision_working_days > 0),
    decision_basis            text    not null,
    -- sponsors: this many full members, or the Youth Union / trade-union resolution plus this many [R]
    sponsors_full_members     integer not null check (sponsors_full_members > 0),
    sponsors_with_resolution  integer not null check (sponsors_with_resolution >= 0),
    sponsor_basis             text    not null,
    check (valid_to is null or valid_to > valid_from)
);

insert into development.rule_set values
    ('DEV_QD29_2016', 'Kết nạp đảng viên theo Quy định 29-QĐ/TW, 24-QĐ/TW, 232-QĐ/TW',
     'Điều lệ Đảng 2011 Điều 1, Điều 4; Quy định 29-QĐ/TW (25/07/2016), 24-QĐ/TW (30/07/2021), 232-QĐ/TW (20/01/2025); Hướng dẫn 01-HD/TW (2021); Hướng dẫn 12-HD/BTCTW (2022)',
     date '2016-07-25', date '2025-07-01',
     216, 720, 'Điều lệ Đảng Điều 1; QĐ 24-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng) tại thời điểm chi bộ xét kết nạp',
     60, '[R] Giấy chứng nhận bồi dưỡng nhận thức về Đảng có giá trị 60 tháng',
     12, 'HD 01-HD/TW mục 3: quá 12 tháng chi bộ chưa xem xét thì làm lại giấy giới thiệu, nghị quyết giới thiệu của đoàn thể, nhận xét nơi cư trú',
     2, 3, 2, 3, 'QĐ 24-QĐ/TW mục 4.2.3: chi bộ có ít nhất 2/3 đảng viên chính thức, cấp ủy cơ sở có ít nhất 2/3 cấp ủy viên tán thành [R]',
     60, 'QĐ 29-QĐ/TW mục 4.3.1 (giữ nguyên trong QĐ 232-QĐ/TW): trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết đề nghị kết nạp',
     2, 1, 'Điều lệ Đảng Điều 4: hai đảng viên chính thức giới thiệu, hoặc nghị quyết của Đoàn TNCS Hồ Chí Minh / công đoàn cơ sở và một đảng viên chính thức [R]'),
    ('DEV_QD294_2025', 'Kết nạp đảng viên theo Quy định 294-QĐ/TW',
     'Điều lệ Đảng 2011 Điều 1, Điều 4; Quy định 294-QĐ/TW (26/05/2025), hiệu lực từ 01/07/2025; Hướng dẫn 06-HD/TW (09/06/2025); Hướng dẫn 12-HD/BTCTW (2022). [R] Các ngưỡng giả định không đổi',
     date '2025-07-01', null,
     216, 720, 'Điều lệ Đảng Điều 1; QĐ 294-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng) tại thời điểm chi bộ xét kết nạp',
     60, '[R] Giấy chứng nhận bồi dưỡng nhận thức về Đảng có giá trị 60 tháng',
     12, 'HD 06-HD/TW: quá 12 tháng chi bộ chưa xem xét thì làm lại giấy giới thiệu, nghị quyết giới thiệu của đoàn thể, nhận xét nơi cư trú [R]',
     2, 3, 2, 3, 'QĐ 294-QĐ/TW mục 4.2.3: chi bộ có ít nhất 2/3 đảng viên chính thức, cấp ủy cơ sở có ít nhất 2/3 cấp ủy viên tán thành [R]',
     60, 'QĐ 294-QĐ/TW mục 4.3.1: trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết đề nghị kết nạp [R]',
     2, 1, 'Điều lệ Đảng Điều 4: hai đảng viên chính thức giới thiệu, hoặc nghị quyết của Đoàn TNCS Hồ Chí Minh / công đoàn cơ sở và một đảng viên chính thức [R]');

-- Quần chúng ưu tú: the person and the pipeline state. Coded fields hold members' code lists.
create table development.candidate (
    id            bigint generated always as identity primary key,
    unit_id       bigint not null,
    full_name     text   not null check (length(full_name) between 1 and 100),
    birth_date    date   not null,
    gender        text   not null check (gender in ('MALE', 'FEMALE')),
    ethnicity     text   not null,
    religion      text   not null,
    citizen_id    text   not null check (citizen_id ~ '^[0-9]{12}$'),
    education     text,
    occupation    text,
    workplace     text check (length(workplace) <= 300),
    residence     text check (length(residence) <= 300),
    state         text   not null check (state in ('PROPOSED', 'CLASS_PASSED', 'SPONSORED', 'FILE_COMPLETE',
                                                   'CELL_APPROVED', 'COMMITTEE_APPROVED', 'ADMITTED', 'REFUSED')),
    proposed_on   date   not null,
    -- the member the admission created
    member_id     bigint unique,
    check ((state = 'ADMITTED') = (member_id is not null))
);
-- one live candidacy per person; refused ones stay as history
create unique index candidate_live_citizen_idx on development.candidate (citizen_id) where state <> 'REFUSED';
create index candidate_unit_idx on development.candidate (unit_id, state);

-- Lớp bồi dưỡng nhận thức về Đảng, held by a unit (usually the district or commune centre).
create table development.awareness_class (
    id          bigint generated always as identity primary key,
    unit_id     bigint not null,
    name        text   not null check (length(name) between 1 and 300),
    starts_on   date   not null,
    ends_on     date   not null check (ends_on >= starts_on)
);

-- An attendee and the certificate (giấy chứng nhận) issued to them.
create table development.class_attendee (
    class_id           bigint not null references development.awareness_class (id),
    candidate_id       bigint not null references development.candidate (id),
    certificate_number text   not null check (length(certificate_number) between 1 and 50),
    certificate_on     date   not null,
    primary key (class_id, candidate_id)
);

-- Người giới thiệu: a full member, or the Youth Union / trade-union resolution (no member).
create table development.sponsor (
    candidate_id   bigint not null references development.candidate (id),
    kind           text   not null check (kind in ('MEMBER', 'YOUTH_UNION', 'TRADE_UNION')),
    member_id      bigint,
    document       text   not null check (length(document) between 1 and 100),
    sponsored_on   date   not null,
    check ((kind = 'MEMBER') = (member_id is not null))
);
create unique index sponsor_member_idx on development.sponsor (candidate_id, member_id) where member_id is not null;

-- The file checklist of HD 12-HD/BTCTW (2022) II.1.1(a): each document present or missing.
create table development.file_document (
    candidate_id bigint not null references development.candidate (id),
    document     text   not null check (document in ('CERTIFICATE', 'APPLICATION', 'PERSONAL_HISTORY', 'VERIFICATION',
                                                     'SPONSOR_LETTER', 'UNION_RESOLUTION', 'MASS_ORG_COMMENTS',
                                                     'RESIDENCE_COMMENTS')),
    present      boolean not null,
    recorded_on  date    not null,
    primary key (candidate_id, document)
);

-- The dated steps of a candidate (the state reached), who acted and with which document; votes carry
-- their figures. Never updated: the candidate's history.
create table development.candidate_step (
    id              bigint generated always as identity primary key,
    candidate_id    bigint not null references development.candidate (id),
    state           text   not null,
    on_date         date   not null,
    actor           text   not null check (length(actor) between 1 and 300),
    rule_set_code   text   not null references development.rule_set (code),
    decision_number text   not null,
    decision_date   date   not null,
    decision_body   text   not null,
    votes_for       integer check (votes_for >= 0),
    votes_base      integer check (votes_base > 0),
    note            text check (length(note) <= 1000)
);
create index candidate_step_candidate_idx on development.candidate_step (candidate_id, id);

-- Chỉ tiêu kết nạp đảng viên mới: admissions a unit is to make in a year.
create table development.admission_target (
    unit_id         bigint  not null,
    year            integer not null check (year between 1930 and 2200),
    admissions      integer not null check (admissions >= 0),
    decision_number text    not null,
    decision_date   date    not null,
    decision_body   text    not null,
    primary key (unit_id, year)
);
