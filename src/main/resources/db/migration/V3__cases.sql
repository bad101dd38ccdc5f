-- The case aggregate. case_event is the append-only truth; vigil_case is its projection,
-- written in the same transaction as each event.
create table vigil_case (
    id                  bigint generated always as identity primary key,
    kind                text not null check (kind in ('review', 'support', 'appeal')),
    status              text not null check (status in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    queue_id            bigint not null,
    subject_type        text,
    subject_id          text,
    subject_owner_id    text,
    reason              text,
    reasons             jsonb not null default '{}',
    report_count        integer not null default 0,
    distinct_reporters  integer not null default 0,
    max_scores          jsonb not null default '{}',
    max_views_24h       bigint,
    max_followers       bigint,
    title               text,
    inquiry_category    text,
    requester_email     text,
    requester_user_id   text,
    requester_locale    text,
    assignee_id         bigint,
    tags                text[] not null default '{}',
    previous_case_id    bigint references vigil_case (id),
    version             integer not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    solved_at           timestamptz,
    closed_at           timestamptz
);

-- Deduplication: at most one active review case per subject. Concurrent reports about one subject
-- meet on this index (INSERT ... ON CONFLICT), so two cases cannot be opened whatever the timing.
create unique index vigil_case_active_subject on vigil_case (subject_type, subject_id)
    where kind = 'review' and status in ('new', 'open', 'pending', 'on_hold');
-- Finding a subject's earlier cases (links, history) and filtering lists by subject.
create index vigil_case_subject on vigil_case (subject_type, subject_id, id);
-- List pages filter by status and page by id (keyset, newest first).
create index vigil_case_status_id on vigil_case (status, id);
create index vigil_case_kind_id on vigil_case (kind, id);
create index vigil_case_queue_id on vigil_case (queue_id, id);
create index vigil_case_assignee on vigil_case (assignee_id, id) where assignee_id is not null;

create table case_event (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references vigil_case (id),
    seq         integer not null,
    type        text not null,
    actor       text not null,
    data        jsonb not null,
    created_at  timestamptz not null
);
-- The audit trail of one case, in order; (case_id, seq) also makes a lost update impossible.
create unique index case_event_case_seq on case_event (case_id, seq);

-- Who has reported a case's subject while the case was active (for distinct-reporter counts).
create table case_reporter (
    case_id     bigint not null references vigil_case (id),
    reporter_id text not null,
    primary key (case_id, reporter_id)
);

-- The conversation of a case: public replies to the requester or reporter, and internal notes.
create table case_message (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references vigil_case (id),
    visibility  text not null check (visibility in ('public', 'internal')),
    author_type text not null check (author_type in ('requester', 'agent', 'system')),
    author_id   text,
    body        text not null,
    created_at  timestamptz not null
);
create index case_message_case on case_message (case_id, id);

-- Highest score per category across two score objects (used when reports join a case).
create function jsonb_max_scores(a jsonb, b jsonb) returns jsonb
    language sql immutable parallel safe as $$
    select coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
    from (select k, max(v) as v
          from (select key as k, value::numeric as v from jsonb_each_text(coalesce(a, '{}'))
                union all
                select key, value::numeric from jsonb_each_text(coalesce(b, '{}'))) s
          group by k) m
$$;

-- Sum of per-reason counts across two count objects.
create function jsonb_sum_counts(a jsonb, b jsonb) returns jsonb
    language sql immutable parallel safe as $$
    select coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
    from (select k, sum(v) as v
          from (select key as k, value::bigint as v from jsonb_each_text(coalesce(a, '{}'))
                union all
                select key, value::bigint from jsonb_each_text(coalesce(b, '{}'))) s
          group by k) m
$$;
