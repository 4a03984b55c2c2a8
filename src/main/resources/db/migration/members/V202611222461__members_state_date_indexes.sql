-- Changes of the roll within a window of dates (statistics: a frozen period end plus the states that
-- began or ended since), without scanning every member's history.
create index member_state_valid_from_idx on members.member_state (valid_from);
create index member_state_valid_to_idx on members.member_state (valid_to) where valid_to is not null;
