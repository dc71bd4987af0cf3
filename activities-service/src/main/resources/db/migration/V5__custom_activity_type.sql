-- Custom Activity Types are configuration owned here; their fields are defined in crm-core (custom_fields.activity)
-- and projected into custom_activity_field from its events, so a type's GET and a custom activity's validation
-- never ask crm-core.
create table custom_activity_type (
    id                  varchar(64) collate "C" primary key,
    organization_id     varchar(64) collate "C" not null,
    name                text not null,
    description         text,
    api_create_only     boolean not null,
    editable_with_roles text not null, -- JSON array, as written
    is_archived         boolean not null,
    created_by          varchar(64) collate "C",
    updated_by          varchar(64) collate "C",
    date_created        timestamptz not null,
    date_updated        timestamptz not null,
    doc                 jsonb not null
);
create index custom_activity_type_org on custom_activity_type (organization_id, date_created desc, id desc);

-- One row per custom_fields.activity definition; doc is crm-core's wire form of the field.
create table custom_activity_field (
    id                      varchar(64) collate "C" primary key,
    organization_id         varchar(64) collate "C" not null,
    custom_activity_type_id varchar(64) collate "C" not null,
    date_created            timestamptz not null,
    deleted                 boolean not null default false,
    doc                     jsonb not null
);
create index custom_activity_field_type on custom_activity_field (organization_id, custom_activity_type_id);

-- CustomActivity rows: their type, and their custom field values (one JSON object keyed by field id, as written);
-- status (draft/published) shares the column of the other types' statuses.
alter table activity
    add column custom_activity_type_id varchar(64) collate "C",
    add column custom                  text;
