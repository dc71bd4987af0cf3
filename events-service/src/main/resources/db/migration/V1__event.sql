-- The event log: every domain event of every service, stored as received (payload) plus the columns the list
-- endpoint filters and orders by. Rows are never updated; a redelivered event hits the primary key and is ignored.
-- Columns are text, not bounded varchar: the values come from other services, and a too-long id must not turn
-- into an insert error that would be retried and dead-lettered instead of stored.
create table event (
    -- byte order (collation "C") makes the id tiebreak of the list order the same on every database locale
    id              text         collate "C" primary key,
    organization_id text         not null,
    object_type     text         not null,
    object_id       text,
    action          text         not null,
    lead_id         text,
    user_id         text,
    request_id      text,
    date_created    timestamptz  not null,
    date_updated    timestamptz  not null,
    payload         jsonb        not null,
    received_at     timestamptz  not null default now()
);

-- One index per allowed filter family (NOTES §7), each ending in the list order so a page is one index range scan.
create index event_org_updated on event (organization_id, date_updated desc, id desc);
create index event_org_lead on event (organization_id, lead_id, date_updated desc, id desc);
create index event_org_object on event (organization_id, object_id, date_updated desc, id desc);
create index event_org_object_type on event (organization_id, object_type, date_updated desc, id desc);
create index event_org_user on event (organization_id, user_id, date_updated desc, id desc);
create index event_org_request on event (organization_id, request_id, date_updated desc, id desc);
-- Retention deletes by age across organizations.
create index event_created on event (date_created);
