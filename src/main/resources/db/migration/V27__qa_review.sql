-- Quality assurance: decisions sampled for a second, blind review. A sample is taken at random as a
-- decision is made (vigil.qa.sample-rate) or chosen by a lead; a QA reviewer who did not make the
-- decision records their own verdict and category without seeing the original, and the agreement
-- between the two is what leads read per reviewer and per category.
create table qa_review (
    id          bigint generated always as identity primary key,
    decision_id bigint not null unique references decision (id),
    case_id     bigint not null references vigil_case (id),
    sampled_by  text not null,
    sampled_at  timestamptz not null,
    reviewer_id bigint references app_user (id),
    verdict     text check (verdict in ('violating', 'not_violating')),
    category    text,
    rationale   text,
    reviewed_at timestamptz,
    check ((reviewed_at is null) = (verdict is null) and (reviewed_at is null) = (reviewer_id is null))
);
-- The samples waiting for review, oldest first, and the reviewed ones by when (agreement over a period).
create index qa_review_pending on qa_review (sampled_at) where reviewed_at is null;
create index qa_review_reviewed on qa_review (reviewed_at) where reviewed_at is not null;
