-- Party members (DOMAIN §2, §9): the record sheet, lifecycle events with decisions, the member's
-- unit and status per validity interval, and transfers of party activity as two-sided workflows.
create schema if not exists members;

-- Reference code lists (dân tộc, tôn giáo, trình độ, nghề nghiệp …), editable data with stable codes.
create table members.code_item (
    list     text not null check (list in ('ETHNICITY', 'RELIGION', 'EDUCATION', 'PROFESSIONAL', 'THEORY',
                                           'STATE_MANAGEMENT', 'ACADEMIC_TITLE', 'OCCUPATION')),
    code     text not null check (code ~ '^[A-Z0-9_]{1,30}$'),
    label    text not null,
    label_en text not null,
    sort     int  not null,
    primary key (list, code)
);

create table members.member (
    id                      bigint generated always as identity primary key,
    full_name               text   not null check (length(full_name) between 1 and 100),
    other_names             text check (length(other_names) <= 100),
    gender                  text   not null check (gender in ('MALE', 'FEMALE')),
    birth_date              date   not null,
    birth_place             text check (length(birth_place) <= 200),
    hometown                text check (length(hometown) <= 200),
    ethnicity               text   not null,
    religion                text   not null,
    citizen_id              text unique check (citizen_id ~ '^[0-9]{12}$'),
    card_number             text unique check (length(card_number) between 1 and 20),
    history_number          text check (length(history_number) <= 20),
    residence               text check (length(residence) <= 300),
    phone                   text check (phone ~ '^[0-9+ .-]{6,20}$'),
    occupation              text,
    education               text,
    professional            text,
    academic_title          text,
    theory                  text,
    state_management        text,
    admission_decision_date date   not null,
    ceremony_date           date,
    full_member_date        date,
    -- name, other names, card number folded for search without diacritics
    search_text             text   not null,
    -- Vietnamese lists sort by given name, then the full name: "An Nguyễn Văn An"
    sort_name               text   not null,
    created_at              timestamptz not null default now(),
    check (ceremony_date is null or ceremony_date >= admission_decision_date),
    check (full_member_date is null or full_member_date > admission_decision_date)
);
create extension if not exists pg_trgm;
create index member_search_idx on members.member using gin (search_text gin_trgm_ops);
create index member_birth_idx on members.member (birth_date);
create index member_sort_idx on members.member (sort_name collate "vi-VN-x-icu");

-- Every act on a member, with its decision (số, ngày, cơ quan ban hành).
create table members.member_event (
    id              bigint generated always as identity primary key,
    member_id       bigint      not null references members.member (id),
    kind            text        not null,
    effective_on    date        not null,
    decision_number text        not null check (length(btrim(decision_number)) between 1 and 100),
    decision_date   date        not null,
    decision_body   text        not null check (length(btrim(decision_body)) between 1 and 300),
    details         jsonb,
    recorded_at     timestamptz not null default now(),
    recorded_by     text
);
create index member_event_member_idx on members.member_event (member_id, effective_on, id);
create index member_event_kind_idx on members.member_event (kind, effective_on);

-- The member's roll (đảng số) and status over time: [valid_from, valid_to).
--  unit_id     the cell whose roll counts the member (during a permanent transfer, still the sender's
--              until the receiving unit confirms: the member is counted exactly once)
--  away_unit_id host cell of a temporary transfer (the member is not counted there)
create table members.member_state (
    id           bigint generated always as identity primary key,
    member_id    bigint  not null references members.member (id),
    valid_from   date    not null,
    valid_to     date,
    unit_id      bigint  not null,
    status       text    not null check (status in ('PROBATIONARY', 'FULL', 'REMOVED', 'EXPELLED', 'LEFT', 'DIED')),
    exempt       boolean not null default false,
    in_transit   boolean not null default false,
    away_unit_id bigint,
    event_id     bigint  not null references members.member_event (id),
    check (valid_to is null or valid_to > valid_from)
);
create unique index member_state_current_uq on members.member_state (member_id) where valid_to is null;
create index member_state_member_idx on members.member_state (member_id, valid_from);
create index member_state_unit_idx on members.member_state (unit_id, valid_from);

create table members.transfer (
    id              bigint generated always as identity primary key,
    member_id       bigint not null references members.member (id),
    kind            text   not null check (kind in ('PERMANENT', 'TEMPORARY')),
    from_unit_id    bigint not null,
    to_unit_id      bigint not null,
    letter_number   text   not null check (length(btrim(letter_number)) between 1 and 50),
    issued_on       date   not null,
    received_on     date,
    ended_on        date,
    status          text   not null check (status in ('IN_TRANSIT', 'RECEIVED', 'ENDED', 'CANCELLED')),
    check (from_unit_id <> to_unit_id),
    check (received_on is null or received_on >= issued_on)
);
create index transfer_member_idx on members.transfer (member_id);
create index transfer_open_to_idx on members.transfer (to_unit_id) where status = 'IN_TRANSIT';
