-- Party Badge awards (Huy hiệu Đảng, HD 01-HD/TW 2021 item 18): one per member and milestone,
-- recorded with the occasion, early or posthumous award and the rule set it was judged under.
create table members.badge_award (
    id            bigint generated always as identity primary key,
    member_id     bigint  not null references members.member (id),
    years         int     not null,
    occasion      date    not null,
    early         boolean not null,
    months_early  int     not null default 0,
    posthumous    boolean not null,
    rule_set_code text    not null,
    event_id      bigint  not null references members.member_event (id),
    unique (member_id, years)
);
create index badge_award_occasion_idx on members.badge_award (occasion);
