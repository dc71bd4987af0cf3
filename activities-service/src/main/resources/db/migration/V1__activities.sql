-- Every activity type lives in one table: the union list (/activity/) is then one index range, and each type's list
-- is the same statement with a condition on activity_type (Close's _type). Columns hold what writes check and what
-- lists filter or sort by; each type's own fields are columns too (null for the other types). doc is the row's wire
-- form, written with every change (docs/architecture.md §3).
create table activity (
    id                varchar(64) collate "C" primary key,
    organization_id   varchar(64) collate "C" not null,
    activity_type     varchar(40) collate "C" not null,
    lead_id           varchar(64) collate "C" not null,
    contact_id        varchar(64) collate "C",
    user_id           varchar(64) collate "C",
    user_name         text,
    created_by        varchar(64) collate "C",
    created_by_name   text,
    updated_by        varchar(64) collate "C",
    updated_by_name   text,
    date_created      timestamptz not null,
    date_updated      timestamptz not null,
    activity_at       timestamptz not null,
    -- Note, Call
    note              text,
    note_html         text,
    -- Note
    title             text,
    pinned            boolean,
    pinned_at         timestamptz,
    attachments       text,  -- JSON array, as written
    -- Call
    direction         varchar(16),
    status            varchar(32),
    disposition       varchar(32),
    call_source       varchar(16),
    duration          bigint,
    phone             varchar(64),
    local_phone       varchar(64),
    remote_phone      varchar(64),
    recording_url     text,
    voicemail_url     text,
    voicemail_duration bigint,
    outcome_id        varchar(64) collate "C",
    -- what the CRM-derived types (Created, status changes, TaskCompleted, LeadMerge) carry, as their wire fields
    details           text,  -- JSON object
    doc               jsonb
);
-- A lead's activities, newest first by either order (the lead page and GET /activity/?lead_id=).
create index activity_lead_activity_at on activity (organization_id, lead_id, activity_at desc, id desc);
create index activity_lead_date_created on activity (organization_id, lead_id, date_created desc, id desc);
-- The organization's activities, newest first (GET /activity/ without lead_id).
create index activity_org_date_created on activity (organization_id, date_created desc, id desc);

-- What this service knows of crm-core's leads and contacts, from crm-core.events: enough to check the lead_id and
-- contact_id of a request without a call. A deleted lead or contact keeps its row, so a late event can't revive it.
create table crm_lead (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    deleted         boolean not null default false
);
create table crm_contact (
    id              varchar(64) collate "C" primary key,
    organization_id varchar(64) collate "C" not null,
    lead_id         varchar(64) collate "C" not null,
    deleted         boolean not null default false
);
create index crm_contact_lead on crm_contact (organization_id, lead_id);
