-- The roll's changes in date order, with what the statistics count of each (derived from
-- members.roll_state and orgstructure.unit_tree; rebuilt from them at any time): one row per member
-- state that is on the roll or follows one that was, carrying the state it replaced, the member's
-- record-sheet dimensions and both cells' paths in the tree of their day (the tree of a past day never
-- changes). A window of days is then read in one range of this table, without visiting the scattered
-- member and state rows: the figures as at an arbitrary date (the last frozen month end plus the
-- window's changes), the month ends themselves, the movements of a period and the admissions.
create table reports.roll_change (
    day                   date   not null,  -- the state began this day; the previous one ended the day before
    member_id             bigint not null,
    event_kind            text,
    -- the new state (columns named as in members.roll_state); path: its cell's path on `day`
    unit_id               bigint not null,
    path                  text collate "C",
    status                text   not null,
    exempt                boolean not null,
    away_unit_id          bigint,
    in_transit            boolean not null,
    -- the state it replaced (null for a member's first state); prev_path: that cell's path on `day - 1`
    prev_unit_id          bigint,
    prev_path             text collate "C",
    prev_status           text,
    prev_exempt           boolean,
    prev_away_unit_id     bigint,
    prev_in_transit       boolean,
    -- the member's record sheet
    gender                text,
    birth_date            date,
    ethnicity             text,
    religion              text,
    education             text,
    professional          text,
    academic_title        text,
    theory                text,
    state_management      text,
    occupation            text
);
create index roll_change_day_idx on reports.roll_change (day);
create index roll_change_member_idx on reports.roll_change (member_id);

-- Whether the journal above has been built (after a bulk load that bypassed the acts it is rebuilt
-- with the live counters); until then the engine reads the roll itself.
create table reports.roll_change_state (
    id       int primary key check (id = 1),
    built_at timestamptz not null default now()
);
