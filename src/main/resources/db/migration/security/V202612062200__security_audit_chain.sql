-- The audit log made tamper-evident (issue 18): every entry stores the hash of the entry before it and its own
-- hash over that and its whole content, so a changed, removed or inserted entry breaks the chain from there on.
-- The hash is computed by PostgreSQL in a trigger, inside the writer's transaction, with appends serialised by
-- a transaction-level advisory lock: the chain order (chain_seq) is the order in which writers took the lock.

alter table security.audit_entry
    add column chain_seq bigint,
    add column prev_hash bytea,
    add column hash      bytea;

-- The hash before the first entry.
create function security.audit_genesis() returns bytea
    language sql immutable as $$ select decode(repeat('00', 32), 'hex') $$;

-- sha256(previous hash || canonical content). The content is a JSON array: jsonb's text form is canonical (key
-- order, spacing), and times and dates are formatted explicitly, in UTC, so that no session setting (TimeZone,
-- DateStyle) changes the text that is hashed.
create function security.audit_entry_hash(e security.audit_entry) returns bytea
    language sql stable as $$
    select sha256(e.prev_hash || convert_to(jsonb_build_array(
            e.chain_seq, e.id,
            to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            e.actor, e.action, e.entity_type, e.entity_id, e.unit_id,
            e.before_state, e.after_state,
            e.decision_number, to_char(e.decision_date, 'YYYY-MM-DD'), e.decision_body)::text, 'UTF8'))
$$;

-- Entries written before this migration, chained in id order.
do $$
declare
    entry record;
    previous bytea := security.audit_genesis();
    n bigint := 0;
begin
    for entry in select id from security.audit_entry order by id loop
        n := n + 1;
        update security.audit_entry set chain_seq = n, prev_hash = previous where id = entry.id;
        update security.audit_entry e set hash = security.audit_entry_hash(e) where id = entry.id
            returning hash into previous;
    end loop;
end
$$;

alter table security.audit_entry
    alter column chain_seq set not null,
    alter column prev_hash set not null,
    alter column hash set not null;
-- unique: two appends that somehow saw the same head (a REPEATABLE READ writer) fail instead of forking the chain
create unique index audit_entry_chain_idx on security.audit_entry (chain_seq);

create function security.audit_entry_append() returns trigger
    language plpgsql as $$
declare
    head record;
begin
    -- one append at a time across all app nodes, held until the writer commits or rolls back (7218 = "TCXD audit")
    perform pg_advisory_xact_lock(7218, 1);
    -- a new snapshot after the lock: the head is the last entry committed by the previous holder
    select chain_seq, hash into head from security.audit_entry order by chain_seq desc limit 1;
    new.chain_seq := coalesce(head.chain_seq, 0) + 1;
    new.prev_hash := coalesce(head.hash, security.audit_genesis());
    new.hash := security.audit_entry_hash(new);
    return new;
end
$$;
create trigger audit_entry_append before insert on security.audit_entry
    for each row execute function security.audit_entry_append();

-- Append-only for the application: a mistaken UPDATE or DELETE fails. (A superuser can still bypass triggers;
-- that is what the chain check is for.)
create function security.audit_entry_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'security.audit_entry is append-only (% refused)', tg_op;
end
$$;
create trigger audit_entry_append_only before update or delete or truncate on security.audit_entry
    for each statement execute function security.audit_entry_refuse_change();

-- The check: every entry's hash recomputed and its link to the one before it compared. Returns the number of
-- entries, the first broken one (null when the chain is intact) with what is wrong, and the head of the chain.
--   content: the entry was changed after it was written (its hash no longer matches)
--   missing: entries before it were removed (its position does not follow the previous one)
--   link:    its stored link does not match the hash of the entry before it (an entry was replaced or forged)
create function security.audit_chain_check()
    returns table (checked bigint, first_broken_id bigint, first_broken_seq bigint, problem text,
                   head_seq bigint, head_hash text)
    language sql stable as $$
    with chain as (
        select e.id, e.chain_seq, e.hash, e.prev_hash,
               security.audit_entry_hash(e) as expected,
               lag(e.hash) over w as previous_hash,
               lag(e.chain_seq) over w as previous_seq
        from security.audit_entry e
        window w as (order by e.chain_seq)
    ), judged as (
        select id, chain_seq, hash,
               case
                   when hash is distinct from expected then 'content'
                   when chain_seq <> coalesce(previous_seq, 0) + 1 then 'missing'
                   when prev_hash is distinct from coalesce(previous_hash, security.audit_genesis()) then 'link'
               end as problem
        from chain
    )
    select (select count(*) from judged),
           broken.id, broken.chain_seq, broken.problem,
           head.chain_seq, encode(head.hash, 'hex')
    from (select 1) as one
    left join lateral (select id, chain_seq, problem from judged where problem is not null
                       order by chain_seq limit 1) as broken on true
    left join lateral (select chain_seq, hash from judged order by chain_seq desc limit 1) as head on true
$$;
