-- Integration links: URL templates shown on leads, contacts or opportunities. A handful per organization.
create table integration_link (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    name            varchar(255) not null,
    url             text         not null,
    link_type       varchar(16)  not null check (link_type in ('lead', 'contact', 'opportunity')),
    created_by      varchar(64),
    updated_by      varchar(64),
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);
create index integration_link_org on integration_link (organization_id, date_created, id);
