-- What crm-core knows of activities, from activities-service's events alone (it never reads that service's
-- database): the lead and kind of each activity of the kinds the lead query's has: asks about (README "Lead query
-- language"). One row per activity, so a created, updated (e.g. moved by a merge) or deleted event is an upsert or
-- a delete, and replaying an event changes nothing.
create table lead_activity (
    organization_id varchar(64) collate "C" not null,
    activity_id     varchar(64) collate "C" not null,
    lead_id         varchar(64) collate "C" not null,
    kind            varchar(32) not null,
    primary key (organization_id, activity_id)
);

create index lead_activity_lead_kind on lead_activity (organization_id, lead_id, kind);
