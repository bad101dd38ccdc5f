-- Appeals: a case of kind 'appeal' about one decision. The reviewer who made that decision may not
-- decide the appeal: claim-next skips it for them and assignment refuses it.
alter table vigil_case add column appealed_case_id bigint references vigil_case (id);
alter table vigil_case add column appealed_decision_id bigint references decision (id);
alter table vigil_case add column appealed_decider_id bigint references app_user (id);
-- One appeal per decision.
create unique index vigil_case_one_appeal on vigil_case (appealed_decision_id) where kind = 'appeal';

-- What an appeal decided: the decision upheld, overturned (its actions reversed, its strike
-- removed) or modified (its actions replaced).
create table appeal_decision (
    id                    bigint generated always as identity primary key,
    case_id               bigint not null references vigil_case (id),
    appealed_decision_id  bigint not null references decision (id),
    outcome               text not null check (outcome in ('upheld', 'overturned', 'modified')),
    actions               jsonb not null,
    rationale             text not null,
    message               text not null,
    decided_by            bigint not null references app_user (id),
    created_at            timestamptz not null
);
create index appeal_decision_case on appeal_decision (case_id);
