-- Who has a case open right now, and whether they are writing a reply: agents see each other and do
-- not answer the same requester twice. Rows are heartbeats that lapse at expires_at.
create table case_presence (
    case_id     bigint not null references vigil_case (id),
    user_id     bigint not null references app_user (id),
    activity    text not null check (activity in ('viewing', 'replying')),
    since       timestamptz not null,
    expires_at  timestamptz not null,
    primary key (case_id, user_id)
);
-- The cleanup removes lapsed heartbeats.
create index case_presence_expires on case_presence (expires_at);
