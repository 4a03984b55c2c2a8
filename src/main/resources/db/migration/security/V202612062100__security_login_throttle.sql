-- Failed logins counted in the database, so that every app node sees the same count (issue 18).
-- username is the normalised name as typed, whether or not such an account exists: an unknown name is
-- throttled and locked exactly like a real one, so the answers tell nothing about which accounts exist.
create table security.login_failure (
    id             bigint generated always as identity primary key,
    username       text        not null,
    client_address text        not null,
    failed_at      timestamptz not null
);
create index login_failure_username_idx on security.login_failure (username, failed_at);
create index login_failure_address_idx on security.login_failure (client_address, failed_at);

-- Per name: failures are counted from counted_from (reset by a successful login, a lock or an unlock);
-- locked_until in the future refuses every attempt without looking at the password.
create table security.login_state (
    username     text primary key,
    counted_from timestamptz not null,
    locked_until timestamptz,
    locked_at    timestamptz
);
