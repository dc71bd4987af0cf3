-- Background work on custom values (README "Custom fields": type conversion, removal of a deleted field's values).
-- A type change shows the new type at once and converting_to_type until its job is done; values that could not be
-- converted are listed in conversion_failures (kept until the next conversion).
alter table custom_field add column converting_to_type varchar(16);
alter table custom_field add column conversion_failures jsonb not null default '{"items": []}';

-- One row per unit of background work, claimed a batch at a time with FOR UPDATE SKIP LOCKED, so replicas share
-- the work and a crash resumes after the last committed batch (table_index/after_id are the cursor).
create table custom_field_job (
    id                    varchar(64) collate "C" primary key,
    organization_id       varchar(64) collate "C" not null,
    field_id              varchar(64) collate "C" not null,
    kind                  varchar(16) not null check (kind in ('convert', 'remove')),
    -- the tables to walk, in order, under "items"
    tables                jsonb       not null,
    custom_object_type_id varchar(64) collate "C",
    table_index           integer     not null default 0,
    after_id              varchar(64) collate "C" not null default '',
    -- 1: every holder; 2: the holders written since the job began (a write that loaded a row before its batch)
    pass                  integer     not null default 1,
    -- who asked: the objects' events name them
    caller                jsonb       not null,
    failures              jsonb       not null default '{"items": []}',
    failure_count         integer     not null default 0,
    date_created          timestamptz not null
);
create index custom_field_job_order on custom_field_job (date_created, id);
