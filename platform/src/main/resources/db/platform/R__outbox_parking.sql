-- Parking: a row Kafka will never accept (too large, not serializable, an invalid topic) is set aside with its reason
-- instead of being retried forever at the head of the queue, so it cannot stop the events of every organization.
-- An operator re-drives a parked row by clearing both columns (platform/README.md, "Parked events").
--
-- Repeatable and idempotent, not versioned: platform's migrations run beside each service's own, and a platform
-- version below a service's latest (0.3 < 6) would be out of order for every existing database. Flyway runs this
-- after the versioned migrations and again only when the file changes, so every statement must stay re-runnable.
alter table outbox_event add column if not exists parked_at timestamptz;
alter table outbox_event add column if not exists park_reason text;

-- The relay's queue: unsent and not parked, oldest first.
drop index if exists outbox_event_unsent;
create index if not exists outbox_event_queue on outbox_event (seq) where sent_at is null and parked_at is null;
-- What operators list and the parked-rows gauge counts.
create index if not exists outbox_event_parked on outbox_event (parked_at) where parked_at is not null;
