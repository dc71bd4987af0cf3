-- List-valued jsonb columns hold {"items": [...]}: Hibernate Reactive reads jsonb only as an object.
-- Ids use the "C" collation so that their time-ordered base62 form sorts by creation, byte by byte, exactly
-- like Java's String order.

create table lead_status (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    label           varchar(255) not null,
    position        integer      not null,
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);
create index lead_status_org on lead_status (organization_id, position);

create table pipeline (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    name            varchar(255) not null,
    position        integer      not null,
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);
create index pipeline_org on pipeline (organization_id, position);

create table opportunity_status (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    pipeline_id     varchar(64) collate "C" not null references pipeline (id),
    label           varchar(255) not null,
    status_type     varchar(16)  not null check (status_type in ('active', 'won', 'lost')),
    position        integer      not null,
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);
create index opportunity_status_org on opportunity_status (organization_id, pipeline_id, position);

create table lead (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    name            text,
    description     text,
    url             text,
    status_id       varchar(64) collate "C" not null references lead_status (id),
    addresses       jsonb        not null default '{"items": []}',
    custom          jsonb        not null default '{}',
    created_by      varchar(64),
    created_by_name text,
    updated_by      varchar(64),
    updated_by_name text,
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);
-- The default list order (newest first) and the common filters all start with the organization.
create index lead_org_created on lead (organization_id, date_created desc, id desc);
create index lead_org_updated on lead (organization_id, date_updated);
create index lead_org_status on lead (organization_id, status_id);

create table contact (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    lead_id         varchar(64) collate "C" not null references lead (id),
    name            text,
    title           text,
    emails          jsonb        not null default '{"items": []}',
    phones          jsonb        not null default '{"items": []}',
    urls            jsonb        not null default '{"items": []}',
    created_by      varchar(64),
    updated_by      varchar(64),
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);
create index contact_org_lead on contact (organization_id, lead_id, id);
