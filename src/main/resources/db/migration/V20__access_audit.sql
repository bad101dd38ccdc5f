-- Who gave access, not only who changed it: a person's creation is the first entry of their changes
-- (nothing before it), and every key and token names who issued it and who revoked it. Keys made
-- before this migration, and the bootstrap key, name no one.
alter table user_change alter column before drop not null;
alter table api_key add column created_by text, add column revoked_by text;
