-- The journal's failed reports, for the admins' list of them: few rows, so a small index of its own
-- rather than a scan of a journal that may hold millions of waiting reports.
create index intake_journal_failed on intake_journal (failed_at) where failed_at is not null;
