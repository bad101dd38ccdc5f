-- Who may work a queue: agents need every required skill, one of the languages (if any are named)
-- and the clearance (if one is named), and must be on a team that serves the queue.
alter table queue add column required_skills text[] not null default '{}';
alter table queue add column languages text[] not null default '{}';
alter table queue add column clearance text;

-- What orders the work: priority (0 = P0, most urgent), SLA due time, then harm
-- (severity weight × reach × confidence). A claim is a lease that lapses when the agent goes idle.
alter table vigil_case add column priority smallint not null default 2 check (priority between 0 and 4);
alter table vigil_case add column harm double precision not null default 0;
alter table vigil_case add column sla_due_at timestamptz;
alter table vigil_case add column lease_until timestamptz;

-- Claim-next walks each eligible queue's unassigned workable cases in urgency order and skips rows
-- other agents hold locked; the partial index makes that walk an ordered index scan of exactly the
-- cases that can be handed out, whatever the table's statistics say.
create index vigil_case_claimable on vigil_case (queue_id, priority, sla_due_at, harm desc, id)
    where status in ('new', 'open') and assignee_id is null;
-- The lease sweeper finds lapsed claims; agents' caps count their live leases.
create index vigil_case_lease on vigil_case (lease_until) where lease_until is not null;
