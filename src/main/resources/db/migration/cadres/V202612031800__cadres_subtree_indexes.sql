-- Reads of a unit's subtree (docs/performance.md, "Cadres"): they join the subtree's versions to the cadre rows on
-- the unit id, so the rows need an index that starts with it.
-- The due work of a unit: its subtree's open incumbencies, read index-only (the largest province: ~21,000 of
-- ~152,000 open nationally) before each holder's birth date is looked at.
create index incumbency_open_unit_idx on cadres.incumbency (unit_id)
    include (id, member_id, kind, starts_on, term_ends_on) where ended_on is null;
-- The planning of a unit: a commune's ~240 units probe the entries of the period (1.4 ms instead of a scan of the
-- ~19,000 entries of the period nationally), and a province's are read in unit order without a sort (21 ms, was 51).
create index plan_entry_unit_idx on cadres.plan_entry (unit_id, period_code);
