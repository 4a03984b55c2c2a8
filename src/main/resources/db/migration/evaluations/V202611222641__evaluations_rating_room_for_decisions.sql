-- Room on every page of evaluations.rating for the row's next version: a decision (status, levels,
-- decision reference) changes no indexed column, so with free space on the page PostgreSQL updates
-- the row in place (a HOT update) instead of adding an entry to each of the table's eight indexes.
-- A province's year decided at once (RatingHistoryWriter, a committee's bulk decision) writes about
-- half as much. Pages written before this migration keep their fill until rewritten.
alter table evaluations.rating set (fillfactor = 75);
