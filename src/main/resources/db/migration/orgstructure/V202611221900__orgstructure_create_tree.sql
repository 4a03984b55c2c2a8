-- Party organisation tree with effective-dated versions (DOMAIN §1).
-- A unit's parent, name, type and path are kept per validity interval [valid_from, valid_to);
-- valid_to is null for the current version. History is only ever closed and appended, never rewritten.
create schema if not exists orgstructure;

-- Which parent → child links are legal, per rule set with legal basis and validity dates (DOMAIN §1.1).
create table orgstructure.link_rule_set (
    code        text primary key,
    name        text not null,
    legal_basis text not null,
    valid_from  date not null,
    valid_to    date,
    check (valid_to is null or valid_to > valid_from)
);

create table orgstructure.link_rule (
    rule_set_code text not null references orgstructure.link_rule_set (code),
    parent_type   text not null,
    child_type    text not null,
    primary key (rule_set_code, parent_type, child_type)
);

-- One row per reorganisation act, carrying its decision reference (số, ngày, cơ quan ban hành).
create table orgstructure.operation (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('ESTABLISH', 'RENAME', 'MOVE', 'CHANGE_TYPE',
                                                         'CONSOLIDATE', 'MERGE', 'SPLIT', 'DISSOLVE')),
    effective_on    date        not null,
    decision_number text        not null check (length(btrim(decision_number)) between 1 and 100),
    decision_date   date        not null,
    decision_body   text        not null check (length(btrim(decision_body)) between 1 and 300),
    note            text,
    recorded_at     timestamptz not null default now(),
    recorded_by     text
);

create table orgstructure.unit (
    id             bigint generated always as identity primary key,
    code           text not null unique check (code ~ '^[A-Z0-9][A-Z0-9._-]{0,39}$'),
    established_on date not null,
    dissolved_on   date,
    established_by bigint not null references orgstructure.operation (id),
    dissolved_by   bigint references orgstructure.operation (id),
    check (dissolved_on is null or dissolved_on > established_on)
);

create table orgstructure.unit_version (
    id            bigint generated always as identity primary key,
    unit_id       bigint not null references orgstructure.unit (id),
    valid_from    date   not null,
    valid_to      date,
    parent_id     bigint references orgstructure.unit (id),
    -- ids from the root to this unit as at this version, e.g. '/1/23/456/'; byte order (collate "C")
    -- makes a subtree one index range: [path, path with its last '/' replaced by '0').
    path          text collate "C" not null,
    depth         int    not null,
    name          text   not null check (length(name) between 1 and 300),
    short_name    text check (short_name is null or length(short_name) between 1 and 100),
    type          text   not null check (type in ('CENTRAL', 'PROVINCIAL', 'UPPER_GRASSROOTS', 'GRASSROOTS_COMMITTEE',
                                                  'GRASSROOTS_CELL', 'PARTIAL_COMMITTEE', 'CELL', 'PARTY_GROUP')),
    area_province text check (area_province is null or length(area_province) <= 200),
    area_commune  text check (area_commune is null or length(area_commune) <= 200),
    area_village  text check (area_village is null or length(area_village) <= 200),
    -- name and code folded to lower case without diacritics (đ → d), for type-ahead search
    search_text   text   not null,
    operation_id  bigint not null references orgstructure.operation (id),
    check (valid_to is null or valid_to > valid_from)
);

create unique index unit_version_current_uq on orgstructure.unit_version (unit_id) where valid_to is null;
create index unit_version_unit_idx on orgstructure.unit_version (unit_id, valid_from);
create index unit_version_path_idx on orgstructure.unit_version (path, valid_from);
create index unit_version_current_path_idx on orgstructure.unit_version (path) include (type) where valid_to is null;
create index unit_version_parent_idx on orgstructure.unit_version (parent_id, valid_from);

create extension if not exists pg_trgm;
create index unit_version_current_search_idx on orgstructure.unit_version
    using gin (search_text gin_trgm_ops) where valid_to is null;

-- The visible history of a unit: one entry per unit touched by an operation.
create table orgstructure.unit_event (
    id           bigint generated always as identity primary key,
    operation_id bigint not null references orgstructure.operation (id),
    unit_id      bigint not null references orgstructure.unit (id),
    kind         text   not null,
    effective_on date   not null,
    before_state jsonb,
    after_state  jsonb
);
create index unit_event_unit_idx on orgstructure.unit_event (unit_id, effective_on);

-- Lineage: which units became which, by which operation (consolidation, merger, split).
create table orgstructure.lineage (
    operation_id bigint not null references orgstructure.operation (id),
    from_unit_id bigint not null references orgstructure.unit (id),
    to_unit_id   bigint not null references orgstructure.unit (id),
    primary key (operation_id, from_unit_id, to_unit_id)
);
create index lineage_to_idx on orgstructure.lineage (to_unit_id);
create index lineage_from_idx on orgstructure.lineage (from_unit_id);
