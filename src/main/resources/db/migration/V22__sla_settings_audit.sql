-- Who last changed an SLA policy or a business calendar: targets and opening hours decide which cases
-- breach, and vendors are paid and judged on them. Settings changed before this migration name no one.
alter table sla_policy add column updated_by text;
alter table business_calendar add column updated_by text;
