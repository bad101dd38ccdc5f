-- Queues: where cases wait. A queue is served by every team or by the teams listed in queue_team.
create table queue (
    id          bigint generated always as identity primary key,
    name        text not null,
    kind        text not null check (kind in ('review', 'support', 'appeal')),
    all_teams   boolean not null default false,
    is_default  boolean not null default false,
    created_at  timestamptz not null default now()
);
create unique index queue_name_key on queue (lower(name));
-- At most one default queue per kind: intake falls back to it.
create unique index queue_default_per_kind on queue (kind) where is_default;

create table queue_team (
    queue_id bigint not null references queue (id),
    team_id  bigint not null references team (id),
    primary key (queue_id, team_id)
);

insert into queue (name, kind, all_teams, is_default) values
    ('Review', 'review', true, true),
    ('Support', 'support', true, true),
    ('Appeals', 'appeal', true, true);
