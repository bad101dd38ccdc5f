-- What was looked at: the reports of a case, or one blurred media item that a reviewer revealed.
alter table evidence_view add column what text not null default 'reports';

-- The review screen lists an account's earlier cases: cases about the account itself and about
-- everything it owns (its characters, messages, images).
create index vigil_case_owner on vigil_case (subject_owner_id, id) where subject_owner_id is not null;
