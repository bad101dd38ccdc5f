-- Reports accepted by an asynchronous batch (Prefer: respond-async): each checked item is kept here,
-- durable before the 202, and filed into cases behind by the journal's folder: the most urgent
-- category first (the policy's default priority of the report's reason, 0 for P0), then the oldest,
-- so that a flag about child safety is not stuck behind a backfill of spam. One row per report and
-- two indexes, so that a burst is taken in at the rate rows can be written. The body is the checked
-- report as JSON (without its idempotency key, which has its own column). A report that cannot be
-- filed keeps its row with the failure, and is not tried again.
create table intake_journal (
    report_id       uuid primary key,
    priority        smallint not null,
    submitted_by    text not null,
    idempotency_key text,
    received_at     timestamptz not null,
    body            text not null,
    failed_at       timestamptz,
    failure         text
);
create index intake_journal_next on intake_journal (priority, report_id) where failed_at is null;

-- Who sent each report (the audit trail's name of the key or user): they may ask where it went.
alter table report add column submitted_by text;
