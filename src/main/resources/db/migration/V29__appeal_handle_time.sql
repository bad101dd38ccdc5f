-- How long the appeal's reviewer had the appeal before deciding it, as decisions keep it: the minutes
-- count towards the reviewer's exposure when the appeal is about distressing content.
alter table appeal_decision add column handle_seconds integer;
