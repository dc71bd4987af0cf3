-- What the lead query's activity clauses ask of an activity (README "Activities in the lead query"): call(...) and
-- the like filter on direction, duration, user, status and date; last_called / last_emailed / last_communication
-- take the latest date. All come from the activity's own event (its wire form), so they are null for rows stored
-- before this migration until that activity's next event.
alter table lead_activity
    add column direction   varchar(16),
    add column duration    integer,
    add column user_id     varchar(64) collate "C",
    add column user_name   varchar(255),
    add column status      varchar(32),
    add column activity_at timestamptz;

-- last_called:… and call(date >= …): the newest activities of a kind per lead, read backwards from the index
create index lead_activity_lead_kind_at on lead_activity (organization_id, lead_id, kind, activity_at);
drop index lead_activity_lead_kind;
