-- Public, read-only view of every member's roll over time, for other modules' set-based SQL
-- (the statistics engine): one row per member state [valid_from, valid_to) with the event that
-- opened it and the record-sheet dimensions the report forms count. "On the roll" (đảng số)
-- means status PROBATIONARY or FULL. Other modules must not read the members tables themselves.
-- The joins are left joins on primary keys so PostgreSQL drops them when a query does not need them.
create or replace view members.roll_state as
select s.member_id, s.valid_from, s.valid_to, s.unit_id, s.status, s.exempt, s.in_transit, s.away_unit_id,
       e.kind as event_kind,
       m.gender, m.birth_date, m.ethnicity, m.religion, m.education, m.professional, m.academic_title,
       m.theory, m.state_management, m.occupation, m.admission_decision_date
from members.member_state s
left join members.member m on m.id = s.member_id
left join members.member_event e on e.id = s.event_id;

-- Public, read-only: each member's name (for other modules' lists, e.g. the rating sheet).
create or replace view members.member_name as
select m.id as member_id, m.full_name, m.gender, m.birth_date, m.admission_decision_date
from members.member m;

-- Public, read-only: disciplines (kỷ luật) with their form and decision, for the annual rating
-- (HD 16/21: a member disciplined during the year is rated KHTNV).
create or replace view members.discipline_record as
select e.member_id, e.effective_on, e.details ->> 'form' as form, e.decision_number, e.decision_date,
       e.decision_body
from members.member_event e
where e.kind = 'DISCIPLINED';

-- Public, read-only: the record-sheet facts other modules count or show for a person without
-- copying them (cadres' committee and planning statistics: gender, age, ethnicity, education,
-- political theory, state management). Religion, residence and contacts are not in it.
create or replace view members.member_profile as
select m.id as member_id, m.full_name, m.gender, m.birth_date, m.ethnicity, m.education, m.professional,
       m.theory, m.state_management
from members.member m;
