-- Webhook subscriptions (NOTES §8). The row keeps its own wire form in doc (architecture.md §3), without the
-- signature key, which is a column of its own and is answered only by the create response.
create table webhook (
    id               varchar(64)  collate "C" primary key,
    organization_id  varchar(64)  collate "C" not null,
    url              varchar(2000) not null,
    status           varchar(16)  not null,
    verify_ssl       boolean      not null,
    -- [{object_type, action, extra_filter}] as accepted (validated on write)
    events           jsonb        not null,
    signature_key    varchar(64)  not null,
    created_by       varchar(64),
    updated_by       varchar(64),
    date_created     timestamptz  not null,
    date_updated     timestamptz  not null,
    -- the start of an unbroken run of failed attempts; null after any success (auto-pause after 3 days)
    failing_since    timestamptz,
    doc              jsonb
);
create index webhook_org on webhook (organization_id, date_created, id);

-- One row per (subscription, event): written in the transaction that stores the event, so no event a subscription
-- matched is ever lost. A claimed row's next_attempt_at is pushed forward by a lease; a replica that dies mid-send
-- leaves it to be claimed again when the lease runs out (at-least-once).
create table webhook_delivery (
    id               varchar(64)  collate "C" primary key,
    -- no foreign key: the consumer's insert must never fail on a subscription deleted a moment ago (it joins the
    -- subscription instead, and the delete removes the subscription's deliveries itself)
    webhook_id       varchar(64)  collate "C" not null,
    organization_id  varchar(64)  collate "C" not null,
    event_id         text         collate "C" not null,
    -- pending | delivered | failed (given up after the retry window)
    state            varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    date_created     timestamptz  not null,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (webhook_id, next_attempt_at, id) where state = 'pending';
create index webhook_delivery_list on webhook_delivery (webhook_id, date_created desc, id desc);
create index webhook_delivery_finished on webhook_delivery (date_created) where state <> 'pending';

-- Every attempt of a delivery, for GET /webhook/{id}/delivery/ (a Leadline extension).
create table webhook_attempt (
    id               bigserial    primary key,
    delivery_id      varchar(64)  collate "C" not null references webhook_delivery (id) on delete cascade,
    attempted_at     timestamptz  not null,
    status_code      integer,
    latency_ms       integer      not null,
    response_excerpt text,
    error            text,
    next_attempt_at  timestamptz
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
