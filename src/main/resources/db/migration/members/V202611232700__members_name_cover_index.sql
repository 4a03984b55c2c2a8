-- A commune's search and list (docs/performance.md, "Members"): the commune's members come index-only from
-- member_state_unit_cover_idx, but their names were read from the table, one random page per member (~1,400).
-- With the name and the folded text in an index on the id, the commune's page is ordered and filtered
-- index-only; the table is read for the 20-50 members shown. Imports append to it (ids only grow).
create index member_name_cover_idx on members.member (id) include (sort_name, search_text);
