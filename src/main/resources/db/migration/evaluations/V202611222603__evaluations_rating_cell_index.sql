-- The members of a cell in a campaign (an organisation's rating reads them) without scanning the campaign.
create index rating_cell_members_idx on evaluations.rating (campaign_id, unit_id) where subject_kind = 'MEMBER';
