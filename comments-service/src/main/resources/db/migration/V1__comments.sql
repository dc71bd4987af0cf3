-- Ids use the "C" collation so that their time-ordered base62 form sorts by creation, byte by byte, exactly
-- like Java's String order.

-- What this service knows of other services' objects (crm-core.events, activities.events): enough to accept a comment
-- on an object of the caller's organization and to delete its thread when the object goes. Rows of deleted objects
-- stay (deleted = true), so a late "updated" event can't bring an object back.
create table commented_object (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    object_type     varchar(100) not null,
    lead_id         varchar(64) collate "C",
    deleted         boolean      not null default false,
    date_updated    timestamptz  not null
);
create index commented_object_lead on commented_object (organization_id, lead_id);

-- The users of each organization (gateway.events membership.activated, and every caller seen), for mentions.
create table organization_user (
    organization_id varchar(64) collate "C" not null,
    user_id         varchar(64) collate "C" not null,
    primary key (organization_id, user_id)
);

-- Exactly one thread per commented object: the unique key holds it even if the service's own lock were bypassed.
create table comment_thread (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    object_id       varchar(64) collate "C" not null,
    object_type     varchar(100) not null,
    lead_id         varchar(64) collate "C",
    created_by      varchar(64) collate "C",
    date_created    timestamptz  not null,
    doc             jsonb,
    constraint comment_thread_one_per_object unique (organization_id, object_id)
);
create index comment_thread_org on comment_thread (organization_id, date_created desc, id desc);
create index comment_thread_lead on comment_thread (organization_id, lead_id);

create table comment (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    thread_id       varchar(64) collate "C" not null references comment_thread (id) on delete cascade,
    object_id       varchar(64) collate "C" not null,
    object_type     varchar(100) not null,
    lead_id         varchar(64) collate "C",
    body            text         not null,
    body_text       text         not null,
    removed         boolean      not null default false,
    created_by      varchar(64) collate "C",
    updated_by      varchar(64) collate "C",
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null,
    doc             jsonb
);
create index comment_thread_order on comment (thread_id, date_created, id);
create index comment_object on comment (organization_id, object_id, date_created, id);
