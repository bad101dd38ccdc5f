-- Appeal decisions count towards a reviewer's exposure to distressing content too.
create index appeal_decision_decided_by on appeal_decision (decided_by, created_at);
