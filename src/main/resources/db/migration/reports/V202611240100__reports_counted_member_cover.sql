-- Today's figures of a cell (or any unit below the live counters) are the sum of its members' counted
-- facts: with every fact in the index on the cell they are an index-only scan of one or two pages,
-- where the table's rows of one cell lie on as many pages as it has members (5-7 ms cold nationally).
-- "if not exists": the national benchmark dataset got this index by hand when it was measured.
create index if not exists counted_member_unit_cover_idx on reports.counted_member (unit_id)
    include (member_id, status, exempt, away, in_transit, gender, birth_year, ethnicity, religion, education,
             professional, academic_title, theory, state_management, occupation);
drop index if exists reports.counted_member_unit_idx;
