-- The outcomes of confidence votes as cadre work receives them (votes publishes them when a session
-- is concluded): the share of low-confidence votes and what the vote's rule set makes of it. A
-- removal outcome proposes removing the cadre from planning for higher titles (PlanCheck shows it
-- among the annual review's removals); a dismissal outcome flags the dismissal procedure of QĐ 41.
create table cadres.confidence_outcome (
    vote_session_id      bigint not null,
    member_id            bigint not null,
    voted_on             date not null,
    session_name         text not null,
    unit_id              bigint not null,
    low                  integer not null,
    base                 integer not null,
    removal              boolean not null,
    dismissal            boolean not null,
    rule_set_code        text not null,
    legal_basis          text not null,
    primary key (vote_session_id, member_id)
);
create index confidence_outcome_member on cadres.confidence_outcome (member_id, voted_on);
