-- Who changed a person's access, when, and from what to what: roles, team and clearances decide which
-- cases (child safety included) someone may see, so every change to them is kept. Append-only.
create table user_change (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references app_user (id),
    actor       text not null,
    changed_at  timestamptz not null,
    before      jsonb not null,
    after       jsonb not null
);
create index user_change_user on user_change (user_id, id);
