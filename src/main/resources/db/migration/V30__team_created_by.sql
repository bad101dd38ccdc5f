-- Who created each team (the audit trail's name: user:12, key:3): a vendor team decides what its
-- users may see, so its creation is kept like a user's. Teams created before are left unattributed.
alter table team add column created_by text;
