-- Custom roles of an organization. The built-in roles (admin, superuser, user, restricteduser) are not rows: they
-- are the same everywhere and read-only, so they live in code (role.BuiltInRoles).
-- permissions and visibility_user_lcf_ids are comma-joined (their items are identifiers that hold no comma).
create table roles (
    id                           varchar(64)  primary key,
    organization_id              varchar(64)  not null references organizations (id),
    name                         varchar(255) not null,
    permissions                  varchar(2000) not null default '',
    visibility_user_lcf_ids      varchar(8000),
    visibility_user_lcf_behavior varchar(32),
    date_created                 timestamptz  not null,
    date_updated                 timestamptz  not null
);

-- role names are unique within an organization, whatever their case
create unique index roles_organization_name on roles (organization_id, lower(name));

-- Close's auto_record_calls (unset | enabled | disabled) of a membership
alter table memberships add column auto_record_calls varchar(16) not null default 'unset';
create index memberships_role on memberships (organization_id, role_id);
