-- Contacts carry custom field values like leads do, and /contact/ lists them newest first per organization.
alter table contact add column custom jsonb not null default '{}';
create index contact_org_created on contact (organization_id, date_created desc, id desc);
