-- Frozen period ends also keep the cross-tabulations the report forms need (women, probationary
-- members: the columns of biểu 3-TCTW and 4-TCTW), by every dimension, as {"GENDER=FEMALE": {...}, ...}.
-- Snapshots are derived data: the ones frozen without them are dropped and frozen again on the next start.
alter table reports.period_snapshot add column subsets jsonb;
delete from reports.period_snapshot;

-- And the month's movements (biểu 1-TCTW lines, from the 1st to the period end) of each upper unit whose
-- place in the tree did not change during the month, as {"ADMITTED": n, ...}: a year's movements are then
-- twelve rows. Null when not frozen (the movements of such a period are computed from the journal).
alter table reports.period_snapshot add column movements jsonb;
