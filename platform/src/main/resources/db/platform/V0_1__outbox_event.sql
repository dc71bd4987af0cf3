-- Domain events written in the same transaction as the change they describe, then relayed to Kafka.
create table outbox_event (
    seq             bigserial primary key,
    event_id        varchar(64)  not null unique,
    organization_id varchar(64)  not null,
    topic           varchar(255) not null,
    record_key      varchar(64)  not null,
    event_type      varchar(255) not null,
    payload         text         not null,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);

create index outbox_event_unsent on outbox_event (seq) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered at commit, never before),
-- so events leave within milliseconds without polling hard.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();
