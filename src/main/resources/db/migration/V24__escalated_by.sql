-- Who last escalated a case: claim-next does not hand it back to them, or a reviewer without the
-- clearance a case needs would be given the same case again after every escalation.
alter table vigil_case add column escalated_by bigint references app_user (id);
