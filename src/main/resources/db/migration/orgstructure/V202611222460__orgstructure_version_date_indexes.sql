-- "Did anything in this subtree change between two dates?" (the statistics engine adds a month's
-- changes to a frozen period end only when the tree stood still): versions by their dates.
create index unit_version_valid_from_idx on orgstructure.unit_version (valid_from);
create index unit_version_valid_to_idx on orgstructure.unit_version (valid_to) where valid_to is not null;
