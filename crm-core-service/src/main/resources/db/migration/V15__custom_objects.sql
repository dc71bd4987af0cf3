-- Custom object types and their instances (README "Custom objects"). Types are a handful per organization; objects
-- hang off a lead like contacts and are always listed per lead.
create table custom_object_type (
    id                  varchar(64) collate "C" primary key,
    organization_id     varchar(64) collate "C" not null,
    name                varchar(255) not null,
    name_plural         varchar(255) not null,
    description         text,
    api_create_only     boolean      not null default false,
    editable_with_roles jsonb        not null default '{"items": []}',
    is_archived         boolean      not null default false,
    created_by          varchar(64),
    updated_by          varchar(64),
    date_created        timestamptz  not null,
    date_updated        timestamptz  not null,
    doc                 jsonb
);
create index custom_object_type_org on custom_object_type (organization_id, date_created, id);

create table custom_object (
    id                    varchar(64) collate "C" primary key,
    organization_id       varchar(64) collate "C" not null,
    custom_object_type_id varchar(64) collate "C" not null references custom_object_type (id),
    lead_id               varchar(64) collate "C" not null references lead (id),
    name                  varchar(255) not null,
    custom                jsonb        not null default '{}',
    created_by            varchar(64),
    updated_by            varchar(64),
    date_created          timestamptz  not null,
    date_updated          timestamptz  not null,
    doc                   jsonb
);
create index custom_object_lead on custom_object (organization_id, lead_id, date_created, id);
create index custom_object_of_type on custom_object (custom_object_type_id);

-- Fields of custom object types: owner 'custom_object_type' (18 characters), each belonging to one type.
alter table custom_field alter column owner type varchar(32);
alter table custom_field drop constraint custom_field_owner_check;
alter table custom_field add constraint custom_field_owner_check
    check (owner in ('lead', 'contact', 'opportunity', 'activity', 'shared', 'custom_object_type'));
alter table custom_field add column custom_object_type_id varchar(64) collate "C";
-- Names are unique per owner and parent type (custom activity type or custom object type), ignoring case.
drop index custom_field_name;
create unique index custom_field_name on custom_field
    (organization_id, owner, coalesce(custom_activity_type_id, ''), coalesce(custom_object_type_id, ''), lower(name));
create index custom_field_object_type on custom_field (organization_id, custom_object_type_id)
    where custom_object_type_id is not null;
