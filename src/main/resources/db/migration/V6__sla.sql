-- Business calendars measure business time for SLA clocks: a time zone, weekly hours as spans per
-- weekday ({"MONDAY": [["09:00","17:00"]], ...}) and holidays as dates in that zone.
create table business_calendar (
    id          bigint generated always as identity primary key,
    name        text not null,
    zone        text not null,
    hours       jsonb not null,
    holidays    date[] not null default '{}',
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index business_calendar_name_key on business_calendar (lower(name));

-- SLA policies: per metric, a target per priority ({"first_reply": {"P0": 3600, ...}} in seconds),
-- the calendar that measures it, how long before a breach to warn, and what a breach sets off.
-- Every change makes a new version; a case keeps the policy id, so its clocks follow the edits.
create table sla_policy (
    id                  bigint generated always as identity primary key,
    name                text not null,
    kind                text not null check (kind in ('review', 'support', 'appeal')),
    is_default          boolean not null default false,
    calendar_id         bigint not null references business_calendar (id),
    targets             jsonb not null,
    warn_before_seconds integer not null check (warn_before_seconds >= 0),
    raise_priority      boolean not null,
    notify_leads        boolean not null,
    escalation_queue_id bigint references queue (id),
    version             integer not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create unique index sla_policy_name_key on sla_policy (lower(name));
-- One default policy per kind of case: the one a case gets when no rule chose another.
create unique index sla_policy_default on sla_policy (kind) where is_default;

-- The case's policy and what the breach watcher needs: the next instant at which one of its clocks
-- is due a warning or a breach. Due and check instants are projections of the case's events.
alter table vigil_case add column sla_policy_id bigint references sla_policy (id);
alter table vigil_case add column sla_next_check_at timestamptz;
alter table vigil_case add column sla_stale boolean not null default false;
-- The watcher takes the cases whose next check has come, earliest first.
create index vigil_case_sla_check on vigil_case (sla_next_check_at) where sla_next_check_at is not null;

-- In-app notifications: what the breach watcher tells team leads (and, later, others).
create table notification (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references app_user (id),
    case_id     bigint references vigil_case (id),
    type        text not null,
    message     text not null,
    created_at  timestamptz not null,
    read_at     timestamptz
);
-- A user's list, newest first, and the unread count.
create index notification_user on notification (user_id, id desc);
create index notification_unread on notification (user_id) where read_at is null;

-- What a fresh install measures with: review and appeals around the clock, support too (a consumer
-- product answers at weekends); a business-hours calendar is there for teams that switch to it.
insert into business_calendar (name, zone, hours, created_at, updated_at) values
    ('Around the clock (UTC)', 'UTC',
     '{"MONDAY":[["00:00","24:00"]],"TUESDAY":[["00:00","24:00"]],"WEDNESDAY":[["00:00","24:00"]],"THURSDAY":[["00:00","24:00"]],"FRIDAY":[["00:00","24:00"]],"SATURDAY":[["00:00","24:00"]],"SUNDAY":[["00:00","24:00"]]}',
     now(), now()),
    ('Business hours (UTC)', 'UTC',
     '{"MONDAY":[["09:00","17:00"]],"TUESDAY":[["09:00","17:00"]],"WEDNESDAY":[["09:00","17:00"]],"THURSDAY":[["09:00","17:00"]],"FRIDAY":[["09:00","17:00"]]}',
     now(), now());

insert into sla_policy (name, kind, is_default, calendar_id, targets, warn_before_seconds, raise_priority,
                        notify_leads, version, created_at, updated_at)
select p.name, p.kind, true, c.id, p.targets::jsonb, p.warn, true, true, 1, now(), now()
from business_calendar c,
     (values
        ('Review', 'review',
         '{"time_to_decision":{"P0":1800,"P1":14400,"P2":86400,"P3":259200,"P4":604800}}', 900),
        ('Support', 'support',
         '{"first_reply":{"P0":3600,"P1":14400,"P2":86400,"P3":172800,"P4":259200},"next_reply":{"P0":7200,"P1":28800,"P2":86400,"P3":172800,"P4":259200},"full_resolution":{"P0":86400,"P1":172800,"P2":432000,"P3":864000,"P4":1209600}}', 1800),
        ('Appeals', 'appeal',
         '{"appeal_decision":{"P0":86400,"P1":172800,"P2":259200,"P3":432000,"P4":604800}}', 3600)
     ) as p(name, kind, targets, warn)
where c.name = 'Around the clock (UTC)';
