-- Groups of an organization's users (Close's /group/). Named user_groups: GROUPS is an SQL keyword.
create table user_groups (
    id              varchar(64)  primary key,
    organization_id varchar(64)  not null references organizations (id),
    name            varchar(255) not null,
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null
);

-- group names are unique within an organization, whatever their case (Close refuses a second "Sales")
create unique index user_groups_organization_name on user_groups (organization_id, lower(name));

-- who is in a group; a user is in a group once
create table user_group_members (
    group_id     varchar(64) not null references user_groups (id) on delete cascade,
    user_id      varchar(64) not null references users (id),
    date_created timestamptz not null,
    primary key (group_id, user_id)
);
