-- Who is scheduled to work when: the shifts a lead gives named agents (from a computed schedule or by
-- hand). Adherence compares them with the agents' states.
create table agent_shift (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references app_user (id),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null check (ends_at > starts_at),
    created_by  text not null,
    created_at  timestamptz not null
);
-- Adherence and the overlap check read one agent's shifts around a period.
create index agent_shift_user_starts on agent_shift (user_id, starts_at);
-- Reports read every shift starting in a day or a week.
create index agent_shift_starts on agent_shift (starts_at);
