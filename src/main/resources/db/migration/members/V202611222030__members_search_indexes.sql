-- Member search and lists at national size (5.6 M members; docs/performance.md, "Members").
-- MemberRepository.search splits "search_text contains q" exactly into two index-friendly halves:
--   q at the start:      search_text collate "C" like 'q%'     (btree range, index-only: id and sort_name included)
--   q anywhere after it: substr(search_text, 2) like '%q%'     (trigram GIN; for a full name typed from the family
--                                                               name almost nothing matches here)
-- so the candidates and their sort keys come from the indexes, never from 20,000 random heap pages.
create index member_search_prefix_idx on members.member (search_text collate "C") include (sort_name, id);
create index member_search_inner_idx on members.member using gin (substr(search_text, 2) gin_trgm_ops);

-- Lists and searches with very many matches ("tran") walk the Vietnamese order and stop after a page:
-- with id in the key there is no incremental sort over a group of equal names (7,000 "Nguyễn Văn An"),
-- and with search_text included the walk filters without visiting the table. Replaces member_sort_idx.
drop index members.member_sort_idx;
create index member_sort_search_idx on members.member (sort_name collate "vi-VN-x-icu", id) include (search_text);

-- The members of a subtree (scope-first plans for a commune, list counts): index-only on the state.
-- Replaces member_state_unit_idx (same key).
drop index members.member_state_unit_idx;
create index member_state_unit_cover_idx on members.member_state (unit_id, valid_from)
    include (valid_to, member_id, status, exempt, in_transit);
