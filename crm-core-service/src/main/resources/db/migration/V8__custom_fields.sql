-- Custom field definitions (README "Custom fields"): a few dozen per organization and owner. The values stay where
-- they were, by field id in each object's custom jsonb column.
create table custom_field (
    id                        varchar(64) collate "C" primary key,
    organization_id           varchar(64) collate "C" not null,
    owner                     varchar(16)  not null
        check (owner in ('lead', 'contact', 'opportunity', 'activity', 'shared')),
    name                      varchar(255) not null,
    description               varchar(280),
    field_type                varchar(16)  not null,
    accepts_multiple_values   boolean      not null default false,
    choices                   jsonb        not null default '{"items": []}',
    editable_with_roles       jsonb        not null default '{"items": []}',
    required                  boolean      not null default false,
    custom_activity_type_id   varchar(64) collate "C",
    referenced_custom_type_id varchar(64) collate "C",
    back_reference_is_visible boolean      not null default false,
    -- the order of /custom_field_schema/<owner>/ (ties, never expected, by id)
    position                  integer      not null default 0,
    created_by                varchar(64),
    updated_by                varchar(64),
    date_created              timestamptz  not null,
    date_updated              timestamptz  not null,
    doc                       jsonb
);
create index custom_field_org_owner on custom_field (organization_id, owner, date_created, id);
-- Names are unique per owner (per custom activity type for activity fields), ignoring case, because values are
-- also addressed by name (_fields=custom.<Field Name>).
create unique index custom_field_name on custom_field
    (organization_id, owner, coalesce(custom_activity_type_id, ''), lower(name));

-- Filters on custom values (custom.cf_…=value, __in: containment; ranges: key existence) use these.
create index lead_custom on lead using gin (custom);
create index contact_custom on contact using gin (custom);
create index opportunity_custom on opportunity using gin (custom);
