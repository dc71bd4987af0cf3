-- Opportunities. Created here, before the opportunity resource, because status deletion must see whether an
-- opportunity status is in use. pipeline_id is not stored: a status belongs to exactly one pipeline.
create table opportunity (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    lead_id         varchar(64) collate "C" not null references lead (id),
    contact_id      varchar(64) collate "C" references contact (id) on delete set null,
    user_id         varchar(64) collate "C",
    user_name       text,
    status_id       varchar(64) collate "C" not null references opportunity_status (id),
    confidence      integer      not null default 0,
    value           bigint,
    value_period    varchar(16)  not null default 'one_time' check (value_period in ('one_time', 'monthly', 'annual')),
    value_currency  varchar(3)   not null default 'USD',
    note            text         not null default '',
    date_won        date,
    date_lost       date,
    custom          jsonb        not null default '{}',
    created_by      varchar(64),
    created_by_name text,
    updated_by      varchar(64),
    updated_by_name text,
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);
create index opportunity_org_created on opportunity (organization_id, date_created desc, id desc);
create index opportunity_org_lead on opportunity (organization_id, lead_id);
create index opportunity_org_status on opportunity (organization_id, status_id);
create index opportunity_org_user on opportunity (organization_id, user_id);
