-- A deactivated membership leaves the memberships table for this one (same id, role and settings, so reactivating
-- restores it). Every credential lookup (API keys, OAuth codes, tokens and refreshes, the consent page's
-- organizations) joins memberships, so a deactivated member's keys and tokens stop working at once, without each
-- of those queries having to remember an "is active" condition.
create table deactivated_memberships (
    id                varchar(64) primary key,
    organization_id   varchar(64) not null references organizations (id),
    user_id           varchar(64) not null references users (id),
    role_id           varchar(64) not null,
    auto_record_calls varchar(16) not null,
    pinned_view_ids   varchar(8000) not null default '',
    date_created      timestamptz not null,
    date_updated      timestamptz not null,
    date_deactivated  timestamptz not null
);

create unique index deactivated_memberships_organization_user on deactivated_memberships (organization_id, user_id);

-- Close's pinned views of a membership: smart view ids (save_…), in order, comma-joined (ids hold no comma)
alter table memberships add column pinned_view_ids varchar(8000) not null default '';
