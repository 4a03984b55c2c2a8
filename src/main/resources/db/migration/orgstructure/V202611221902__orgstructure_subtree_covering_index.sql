-- Subtree reads (counts as at a date, the unit page, statistics "within unit X as at D") filter a
-- path range on validity and group by type: with validity, type and unit id in the index they are
-- index-only scans instead of one heap visit per version (docs/performance.md: the largest
-- province's counts about 3x faster on the generated national tree). Same key columns as
-- unit_version_path_idx, which it replaces, so moves maintain no extra index.
create index unit_version_path_cover_idx on orgstructure.unit_version (path, valid_from)
    include (valid_to, type, unit_id);
drop index orgstructure.unit_version_path_idx;

-- Index-only scans need the visibility map: without it the planner falls back to reading the table
-- (the largest province's counts go back from ~15 to ~55 ms). Vacuum after ~2% of the versions
-- changed (a 5,000-unit move), not the default 20%.
alter table orgstructure.unit_version set (autovacuum_vacuum_scale_factor = 0.02,
                                           autovacuum_vacuum_insert_scale_factor = 0.02,
                                           autovacuum_analyze_scale_factor = 0.05);
