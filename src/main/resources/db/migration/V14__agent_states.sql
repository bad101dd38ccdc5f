-- Agent states (workforce): whether each user is available, on a break or offline, since when, and
-- when they last asked for a page. "handling" is not stored: it is "available" while holding a case,
-- and "offline" is also what a user whose last page is older than ten minutes counts as.
-- One row per user, so the table stays as small as the staff; the floor reads it whole.
create table agent_state (
    user_id       bigint primary key references app_user (id),
    state         text not null check (state in ('available', 'break', 'offline')),
    since         timestamptz not null,
    last_seen_at  timestamptz not null
);

-- Every change of state, append-only: adherence to schedules is computed from it later.
create table agent_state_change (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references app_user (id),
    state       text not null check (state in ('available', 'break', 'offline')),
    at          timestamptz not null
);
-- Adherence reads one agent's changes over a day or a week; the table grows with every sign-in and break.
create index agent_state_change_user_at on agent_state_change (user_id, at);

-- The floor dashboard (cases) reads three growing tables by time; these indexes keep each read
-- proportional to the recent rows it counts rather than to the whole history.
-- Decisions per hour over the last 24 hours.
create index decision_created on decision (created_at);
-- Today's SLA attainment: breaches and solutions since midnight, out of every event ever written.
create index case_event_sla_outcome on case_event (created_at)
    where type = 'sla_breached' or (type = 'status_changed' and data ->> 'to' = 'solved');
-- Cases about to breach: the open cases in order of their SLA due time.
create index vigil_case_open_due on vigil_case (sla_due_at) where status in ('new', 'open');
