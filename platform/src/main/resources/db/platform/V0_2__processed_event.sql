-- Ids of consumed events whose effect is committed; a redelivered event finds its id here and does nothing.
create table processed_event (
    event_id        varchar(64) primary key,
    organization_id varchar(64) not null,
    processed_at    timestamptz not null default now()
);
