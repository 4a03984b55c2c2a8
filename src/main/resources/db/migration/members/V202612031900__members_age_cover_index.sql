-- Gender and birth date by member id without the heap: the cadres' due work tests each open post's holder for
-- retirement (the largest province: 20,813 holders), and other modules' age bands read the same two columns of
-- members.member_profile by id. An index-only probe instead of an index probe plus a heap page each.
create index member_age_cover_idx on members.member (id) include (gender, birth_date);
