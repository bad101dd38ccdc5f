-- Review decisions: the verdict, the policy ground, the actions and why, under the policy version in
-- force, and how long the reviewer worked the case (claim to decision).
create table decision (
    id              bigint generated always as identity primary key,
    case_id         bigint not null references vigil_case (id),
    verdict         text not null check (verdict in ('violating', 'not_violating', 'escalate')),
    category        text,
    sub_reason      text,
    actions         jsonb not null,
    rationale       text not null,
    policy_version  integer not null,
    decided_by      bigint not null references app_user (id),
    handle_seconds  integer,
    automated       boolean not null default false,
    created_at      timestamptz not null
);
-- A case's decisions, in order.
create index decision_case on decision (case_id, id);

-- Receivers of enforcement (the product applies the actions) and their signing secrets; a secret
-- signs every delivery, so it is kept to compute signatures and never shown again.
create table webhook (
    id          bigint generated always as identity primary key,
    url         text not null,
    secret      text not null,
    events      text[] not null,
    active      boolean not null default true,
    created_at  timestamptz not null
);

-- The transactional outbox: written in the transaction of the decision, delivered afterwards,
-- at least once, with retries; a delivery that keeps failing ends as dead, to be retried by hand.
create table webhook_delivery (
    id               bigint generated always as identity primary key,
    webhook_id       bigint not null references webhook (id),
    event            text not null,
    idempotency_key  text not null,
    payload          jsonb not null,
    status           text not null check (status in ('pending', 'delivered', 'dead')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    last_status      integer,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (webhook_id, idempotency_key)
);
-- The deliverer takes due pending deliveries, earliest first.
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
-- The dead-letter list.
create index webhook_delivery_dead on webhook_delivery (id) where status = 'dead';

-- Strikes: an account's enforcement history, each expiring; removed when an appeal overturns it.
create table strike (
    id              bigint generated always as identity primary key,
    account_id      text not null,
    case_id         bigint not null references vigil_case (id),
    decision_id     bigint not null references decision (id),
    category        text not null,
    action          text not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    removed_at      timestamptz,
    removed_reason  text
);
-- An account's strikes, newest first (shown on every case about the account, counted by rules).
create index strike_account on strike (account_id, created_at desc);
