-- Saved groups of units compared side by side (e.g. the 8 central provinces of a regional briefing).
-- A group belongs to the account that made it (owner = username); only the owner changes or deletes
-- it. When shared_unit_id is set, every account that may read that unit sees the group too. Units are
-- kept as chosen; every read filters them by the reader's scope, so a group never shows a unit
-- outside the reader's scope, whoever saved it.
create table reports.unit_group (
    id             bigint generated always as identity primary key,
    name           text        not null check (length(name) between 1 and 200),
    -- the name folded for the uniqueness check (trimmed, lower case, single spaces; computed in Java
    -- because lower() of the database's C locale does not fold Vietnamese letters)
    name_key       text        not null,
    owner          text        not null,
    shared_unit_id bigint,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create unique index unit_group_owner_name_uq on reports.unit_group (owner, name_key);
create index unit_group_shared_idx on reports.unit_group (shared_unit_id) where shared_unit_id is not null;

create table reports.unit_group_unit (
    group_id bigint not null references reports.unit_group (id) on delete cascade,
    position int    not null,
    unit_id  bigint not null,
    primary key (group_id, unit_id)
);
