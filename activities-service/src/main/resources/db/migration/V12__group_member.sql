-- Who is in which of the organization's groups, projected from the gateway's group.* events (platform GroupMembers),
-- so user_id__in can take group ids within the list's own statement.
create table group_member (
    organization_id text not null,
    group_id text not null,
    user_id text not null,
    primary key (organization_id, group_id, user_id)
);
