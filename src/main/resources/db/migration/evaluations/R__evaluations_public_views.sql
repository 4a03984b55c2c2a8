-- Public, read-only view of every rating for other modules' set-based SQL (the statistics engine):
-- one row per subject of a campaign with its period, scheme, where it sat in the tree on the
-- campaign's roll date, and its decided level (null until decided; not-rated rows carry their reason).
-- unit_path and unit_name are the subject's unit as at the roll date (subtree filters use the path
-- with the index on (campaign_id, unit_path)). Other modules must not read the evaluations tables themselves.
create or replace view evaluations.rating_result as
select r.id as rating_id, r.campaign_id, c.period_kind, c.year, c.period_no, c.period_end, c.roll_date,
       c.scheme_code, r.subject_kind, r.member_id, r.unit_id, r.unit_type, r.grassroots_id, r.decider_id,
       r.status, r.not_rated_reason, r.decided_level, r.decided_score, r.decision_date, r.unit_path, r.unit_name
from evaluations.rating r
join evaluations.campaign c on c.id = r.campaign_id;
