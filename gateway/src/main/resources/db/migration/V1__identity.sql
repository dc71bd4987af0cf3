-- Identity is the tenant root: an organization is its own tenant and a user may belong to several organizations,
-- so only memberships and API keys carry organization_id.
create table organizations (
    id           varchar(64)  primary key,
    name         varchar(255) not null,
    currency     varchar(3)   not null default 'USD',
    date_created timestamptz  not null,
    date_updated timestamptz  not null
);

create table users (
    id           varchar(64)  primary key,
    email        varchar(320) not null,
    first_name   varchar(255) not null default '',
    last_name    varchar(255) not null default '',
    date_created timestamptz  not null,
    date_updated timestamptz  not null
);

-- emails are compared case-insensitively, as people type them however they like
create unique index users_email on users (lower(email));

create table memberships (
    id              varchar(64) primary key,
    organization_id varchar(64) not null references organizations (id),
    user_id         varchar(64) not null references users (id),
    role_id         varchar(64) not null default 'admin',
    date_created    timestamptz not null,
    date_updated    timestamptz not null
);

create unique index memberships_organization_user on memberships (organization_id, user_id);
create index memberships_user on memberships (user_id);

-- Only the SHA-256 of the full key is kept; the key itself is shown once, at creation.
create table api_keys (
    id              varchar(64) primary key,
    organization_id varchar(64) not null references organizations (id),
    user_id         varchar(64) not null references users (id),
    key_hash        varchar(64) not null,
    date_created    timestamptz not null
);

create index api_keys_organization on api_keys (organization_id, user_id);
