-- The opportunity query's status_change(old_status:… new_status:… date:…) (README "Opportunity query"): one row per
-- OpportunityStatusChange activity, learnt from activities-service's events like lead_activity (crm-core never
-- reads that service's database). Created and updated upsert, deleted removes.
create table opportunity_status_change (
    organization_id  varchar(64) collate "C" not null,
    activity_id      varchar(64) collate "C" not null,
    opportunity_id   varchar(64) collate "C" not null,
    old_status_label varchar(255),
    old_status_type  varchar(16),
    new_status_label varchar(255),
    new_status_type  varchar(16),
    changed_at       timestamptz not null,
    primary key (organization_id, activity_id)
);

create index opportunity_status_change_opportunity on opportunity_status_change (organization_id, opportunity_id, changed_at);
