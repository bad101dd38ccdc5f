-- Reports and automated flags. Each keeps its own snapshot of the subject as evidence.
create table report (
    id               uuid primary key,
    case_id          bigint not null,
    subject_type     text not null,
    subject_id       text not null,
    subject_owner_id text,
    content          jsonb,
    reach            jsonb,
    source           text not null,
    reason           text not null,
    description      text,
    reporter_id      text,
    reporter_locale  text,
    scores           jsonb,
    occurred_at      timestamptz,
    received_at      timestamptz not null
);
-- A case's evidence, in order of arrival.
create index report_case on report (case_id, received_at);

-- Idempotency keys: the first answer to a key is kept and replayed for identical repeats.
create table idempotency_key (
    principal     text not null,
    key           text not null,
    request_hash  text not null,
    response      jsonb not null,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);
