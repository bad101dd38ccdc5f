-- The team a decision was made for: the reviewer's team at that moment. Scorecards count a decision for
-- that team, so a reviewer who moves from a vendor team to another (or in-house) leaves their earlier
-- decisions, and the appeals of them, with the team they were made in. Decisions made before this
-- column existed are given their reviewer's team as it is now: the best that is known of them.
alter table decision add column team_id bigint references team (id);
update decision d set team_id = u.team_id from app_user u where u.id = d.decided_by;
alter table decision alter column team_id set not null;
-- A team's decisions over a period (scorecards).
create index decision_team_created on decision (team_id, created_at);
