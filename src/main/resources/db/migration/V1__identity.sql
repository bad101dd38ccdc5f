-- Teams, users and API keys.
create table team (
    id          bigint generated always as identity primary key,
    name        text not null,
    vendor      boolean not null,
    created_at  timestamptz not null default now()
);
-- Team names are what admins type and see; two teams with one name would be confused.
create unique index team_name_key on team (lower(name));

create table app_user (
    id            bigint generated always as identity primary key,
    name          text not null,
    email         text not null,
    password_hash text,
    roles         text[] not null,
    team_id       bigint not null references team (id),
    skills        text[] not null default '{}',
    languages     text[] not null default '{}',
    clearances    text[] not null default '{}',
    active        boolean not null default true,
    created_at    timestamptz not null default now()
);
-- Sign-in looks users up by e-mail, case-insensitively.
create unique index app_user_email_key on app_user (lower(email));

-- Integration keys (user_id null) and personal access tokens (user_id set).
-- Only the SHA-256 of the secret is kept; the secret is shown once, at creation.
create table api_key (
    id          bigint generated always as identity primary key,
    name        text not null,
    prefix      text not null,
    key_hash    text not null,
    scopes      text[] not null,
    user_id     bigint references app_user (id),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);
-- Every authenticated request looks its key up by hash.
create unique index api_key_hash_key on api_key (key_hash);
