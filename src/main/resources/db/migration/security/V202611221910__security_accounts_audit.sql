-- Accounts bound to units with a role, and the audit log of every write.
create schema if not exists security;

create table security.account (
    id            bigint generated always as identity primary key,
    username      text        not null unique check (username ~ '^[a-z0-9._-]{3,50}$'),
    password_hash text        not null,
    display_name  text        not null check (length(display_name) between 1 and 200),
    enabled       boolean     not null default true,
    -- system administrator: every unit, accounts and the whole audit log
    system_admin  boolean     not null default false,
    created_at    timestamptz not null default now()
);

-- role: ADMIN (accounts and audit within the subtree), STAFF (read/write within the unit's subtree), VIEWER (read only).
create table security.account_scope (
    account_id bigint not null references security.account (id) on delete cascade,
    unit_id    bigint not null,
    role       text   not null check (role in ('ADMIN', 'STAFF', 'VIEWER')),
    primary key (account_id, unit_id)
);

create table security.audit_entry (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null default now(),
    actor           text        not null,
    action          text        not null,
    entity_type     text        not null,
    entity_id       text        not null,
    unit_id         bigint,
    before_state    jsonb,
    after_state     jsonb,
    decision_number text,
    decision_date   date,
    decision_body   text
);
create index audit_entry_unit_idx on security.audit_entry (unit_id, occurred_at desc);
create index audit_entry_time_idx on security.audit_entry (occurred_at desc);
