-- Routing rules: a CEL condition over a case's signals and the actions to take when it holds,
-- applied in position order at intake. Every change makes a new version; the versions table keeps
-- each one as it was, so a case event naming (rule, version) can always be explained.
create table routing_rule (
    id          bigint generated always as identity primary key,
    name        text not null,
    position    integer not null,
    enabled     boolean not null,
    condition   text not null,
    actions     jsonb not null,
    version     integer not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index routing_rule_name_key on routing_rule (lower(name));

create table routing_rule_version (
    rule_id     bigint not null references routing_rule (id),
    version     integer not null,
    name        text not null,
    position    integer not null,
    enabled     boolean not null,
    condition   text not null,
    actions     jsonb not null,
    changed_by  text not null,
    changed_at  timestamptz not null,
    primary key (rule_id, version)
);

-- What rules can set on a case beyond queue, priority, tags and SLA policy: a severity, and the
-- source of the latest report (a signal rules read).
alter table vigil_case add column severity text check (severity in ('low', 'medium', 'high', 'critical'));
alter table vigil_case add column last_source text;
