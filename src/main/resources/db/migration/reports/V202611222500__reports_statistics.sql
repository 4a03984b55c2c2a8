-- Statistics engine (HD 11-HD/BTCTW figures). Everything here is derived from members.roll_state and
-- orgstructure.unit_tree and can be rebuilt from them at any time (Statistics.rebuildLive / freeze).
create schema if not exists reports;

-- Live counters: members on the roll today in the subtree of each upper unit (depth <= the
-- configured counter depth, 2 by default: the Centre, provinces, their direct subordinates), by
-- dimension and key. Kept in the transaction of every member act and reorganisation.
create table reports.live_tally (
    unit_id   bigint not null,
    dimension text   not null,
    key       text   not null,
    n         bigint not null,
    primary key (unit_id, dimension, key)
);

-- What the live counters have counted for each member on the roll today (the cell and the
-- dimensions), so that a change is applied as a difference: old contribution out, new one in.
create table reports.counted_member (
    member_id        bigint primary key,
    unit_id          bigint   not null,
    status           text     not null,
    exempt           boolean  not null,
    away             boolean  not null,
    in_transit       boolean  not null,
    gender           text     not null,
    birth_year       int      not null,
    ethnicity        text     not null,
    religion         text     not null,
    education        text     not null,
    professional     text     not null,
    academic_title   text     not null,
    theory           text     not null,
    state_management text     not null,
    occupation       text     not null
);
create index counted_member_unit_idx on reports.counted_member (unit_id);

-- The day the live counters stand at (reorganisations dated later are applied when that day comes).
create table reports.live_state (
    id          int primary key check (id = 1),
    standing_on date not null,
    depth       int  not null
);

-- Period ends (month ends, which include 30/6 and 31/12) frozen for the upper units (depth <= 1 by
-- default): the figures as a JSON document of UnitStatistics. Removed when a later entry changes
-- the period (a back-dated act), then frozen again.
create table reports.period_snapshot (
    period_end date        not null,
    unit_id    bigint      not null,
    figures    jsonb       not null,
    frozen_at  timestamptz not null default now(),
    primary key (period_end, unit_id)
);

-- For each unit holding counted members, the upper units its members were counted in: the path
-- of ids from the root down to the counter depth ('/1/23/456/'), '' when counted nowhere (a cell
-- that ended). A reorganisation moves a unit's members from this chain to its new one.
create table reports.counted_unit (
    unit_id bigint primary key,
    chain   text collate "C" not null
);
