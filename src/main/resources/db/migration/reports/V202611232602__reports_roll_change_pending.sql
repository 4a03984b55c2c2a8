-- Cells written by a batch import whose members' journal rows are still to be written: the import marks
-- them in its own transaction (cheap), the rows follow right after it commits, in the background. While
-- any is pending the engine reads the roll itself, so no figure is ever taken from a stale journal.
create table reports.roll_change_pending (
    unit_id bigint primary key
);
