-- Smart views (/saved_search/, README "Smart views"): a few dozen per organization, listed by type.
create table saved_search (
    id               varchar(64) collate "C" primary key,
    organization_id  varchar(64) collate "C" not null,
    -- the creator: a view that isn't shared is visible to this user only
    user_id          varchar(64) collate "C",
    name             varchar(255) not null,
    description      text,
    search_type      varchar(32)  not null,
    query            text,
    s_query          jsonb,
    selected_fields  jsonb        not null default '{"items": []}',
    sharing_settings jsonb        not null default '{}',
    is_shared        boolean      not null default false,
    created_by       varchar(64),
    updated_by       varchar(64),
    date_created     timestamptz  not null,
    date_updated     timestamptz  not null,
    doc              jsonb
);
create index saved_search_org_type on saved_search (organization_id, search_type, date_created, id);
