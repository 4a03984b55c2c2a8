-- Rating tallies (issue 5, Results): the decided ratings of every period counted per upper unit, so
-- that the distribution of a province or of the nation for a year is a read of a few rows. Derived
-- from evaluations.rating_result and orgstructure.unit_tree only; RatingResults.rebuildTallies()
-- recomputes everything from them.

-- Per upper unit (depth <= tcxd.reports.counter-depth in the tree as at the campaign's roll date),
-- period and subject class: how many subjects are in each bucket. A bucket is a decided level
-- (e.g. GOOD, CLEAN_STRONG), 'NR_' || the not-rated reason, or 'OPEN' (not decided yet).
create table reports.rating_tally (
    unit_id       bigint not null,
    period_kind   text   not null,
    year          int    not null,
    period_no     int    not null,
    subject_class text   not null,
    bucket        text   not null,
    n             bigint not null,
    primary key (unit_id, period_kind, year, period_no, subject_class, bucket)
);

-- What the tallies counted for each rating: its class, bucket and the chain of upper units
-- ('/1/23/456/') it was counted in, so that a change is applied as a difference.
create table reports.counted_rating (
    rating_id     bigint primary key,
    campaign_id   bigint not null,
    period_kind   text   not null,
    year          int    not null,
    period_no     int    not null,
    subject_class text   not null,
    bucket        text   not null,
    chain         text   not null
);
create index counted_rating_campaign_idx on reports.counted_rating (campaign_id);

-- The campaigns counted, with the roll date whose tree placed their subjects, and the depth the
-- tallies were kept to.
create table reports.counted_campaign (
    campaign_id bigint primary key,
    period_kind text   not null,
    year        int    not null,
    period_no   int    not null,
    roll_date   date   not null,
    depth       int    not null
);
create index counted_campaign_period_idx on reports.counted_campaign (period_kind, year, period_no);
