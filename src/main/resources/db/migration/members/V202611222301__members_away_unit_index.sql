-- Members hosted by a unit on a temporary transfer, found when the unit is reorganised (members
-- follow their cell into its successor; a dissolved unit must have nobody left on its roll).
create index member_state_away_unit_idx on members.member_state (away_unit_id, valid_from) where away_unit_id is not null;
create index transfer_to_unit_idx on members.transfer (to_unit_id) where status in ('IN_TRANSIT', 'RECEIVED');
