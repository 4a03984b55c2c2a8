-- Member search by word start (docs/performance.md, "Members"). A search finds the members whose folded
-- name (search_text: name and other names, VietnameseText.fold) contains the query starting at the
-- beginning of a word: "nguyen van an", "van an", "thi huo", "tran" ("Trần", "Trang"). One row per word
-- of search_text with the text from that word on ("nguyen van an", "van an", "an"), so that every search is
-- a prefix range of one btree, index-only with the sort key and the member: no trigram posting lists to
-- intersect, no table rows to recheck. The rows are derived data, written by the triggers below from every
-- insert and name change of members.member, whatever writes it (the registry, the bulk import with COPY).
create table members.member_name_key (
    member_id bigint not null,
    name_key  text collate "C" not null,
    sort_name text collate "vi-VN-x-icu" not null
);

-- The keys of one search_text: the text from each word on. search_text is folded with single spaces.
create function members.name_keys(search_text text) returns setof text
    language sql immutable strict parallel safe as $$
    select array_to_string(w[i:], ' ') from (select string_to_array(search_text, ' ') as w) words, generate_subscripts(w, 1) as i
$$;

-- Statement-level with the transition table: one set-based insert for a COPY of 100,000 members.
create function members.member_name_keys_added() returns trigger language plpgsql as $$
begin
    insert into members.member_name_key (member_id, name_key, sort_name)
    select m.id, k, m.sort_name from added m, members.name_keys(m.search_text) as k;
    return null;
end
$$;
create trigger member_name_keys_added after insert on members.member
    referencing new table as added for each statement execute function members.member_name_keys_added();

create function members.member_name_keys_changed() returns trigger language plpgsql as $$
begin
    delete from members.member_name_key where member_id = old.id;
    if tg_op = 'UPDATE' then
        insert into members.member_name_key (member_id, name_key, sort_name)
        select new.id, k, new.sort_name from members.name_keys(new.search_text) as k;
    end if;
    return null;
end
$$;
create trigger member_name_keys_changed after update of search_text, sort_name on members.member
    for each row when (old.search_text is distinct from new.search_text or old.sort_name is distinct from new.sort_name)
    execute function members.member_name_keys_changed();
create trigger member_name_keys_removed after delete on members.member
    for each row execute function members.member_name_keys_changed();

insert into members.member_name_key (member_id, name_key, sort_name)
select m.id, k, m.sort_name from members.member m, members.name_keys(m.search_text) as k;
-- A prefix range of keys is read index-only; the members of one key come in Vietnamese order, so that a
-- search matching a few distinct keys with many members ("van hung": 81,000 of 5.6 M) merges a few ordered
-- runs instead of sorting them all. The second index serves the name changes.
create index member_name_key_idx on members.member_name_key (name_key, sort_name, member_id);
create index member_name_key_member_idx on members.member_name_key (member_id);

-- Replaced by member_name_key: the prefix btree and the two trigram indexes (the most expensive part of
-- writing a member: ~70 trigram entries per name).
drop index members.member_search_prefix_idx;
drop index members.member_search_inner_idx;
drop index members.member_search_idx;
