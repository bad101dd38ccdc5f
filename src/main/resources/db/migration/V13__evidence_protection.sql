-- Every look at a case's evidence (report content snapshots), by whom and when: sensitive content is
-- seen on a need-to-know basis, and that is auditable.
create table evidence_view (
    id         bigint generated always as identity primary key,
    case_id    bigint not null references vigil_case (id),
    actor      text not null,
    viewed_at  timestamptz not null
);
create index evidence_view_case on evidence_view (case_id, id);

-- Legal hold: the evidence of a case under hold (child safety, law-enforcement requests) is kept
-- as it was, whatever retention or deletion later does. The database refuses to change or delete it.
alter table vigil_case add column legal_hold_since timestamptz;
alter table vigil_case add column legal_hold_reason text;

create function refuse_change_under_legal_hold() returns trigger language plpgsql as $$
begin
    if exists (select 1 from vigil_case c where c.id = old.case_id and c.legal_hold_since is not null) then
        raise exception 'case % is under legal hold: its evidence cannot be changed or deleted', old.case_id
            using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger report_legal_hold before update or delete on report
    for each row execute function refuse_change_under_legal_hold();
