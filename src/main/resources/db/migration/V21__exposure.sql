-- What each reviewer decided lately: their exposure to distressing content is counted from it for the
-- review page, the home page and the floor.
create index decision_decided_by on decision (decided_by, created_at);
