-- Consolidation (NOTES §7): an update folded into an earlier event of its object leaves no row of its own; its id is
-- kept here, so a Kafka redelivery of it is recognised (and not folded in twice) and GET /event/<its id>/ finds the
-- event that holds it. It goes with that event (retention deletes events, the cascade their merged ids).
create table event_merge (
    id      text collate "C" primary key,
    into_id text collate "C" not null references event (id) on delete cascade
);
create index event_merge_into on event_merge (into_id);

-- The consumer asks whether a delivery of an event went out before folding an update into it.
create index webhook_delivery_event on webhook_delivery (event_id);
