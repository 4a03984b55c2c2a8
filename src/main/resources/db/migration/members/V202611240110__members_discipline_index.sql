-- The index on (kind, effective_on) of every member event served one reader: the disciplines of a year
-- (members.discipline_record, read when a rating campaign opens). Nationally it held 19 M keys, took
-- ~3 minutes to build after a bulk load and was written by every event of every import; the disciplines
-- are ~1 % of the events, and the year's disciplines are a range of this partial index.
drop index if exists members.member_event_kind_idx;
create index if not exists member_event_discipline_idx on members.member_event (effective_on)
    where kind = 'DISCIPLINED';
