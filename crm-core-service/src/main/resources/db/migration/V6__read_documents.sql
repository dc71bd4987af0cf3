-- The read path (README "Reads"): every row carries its own wire form, rendered by the Java mappers whenever the
-- row is written, and GETs compose the answer from it in one statement. Rows written before this migration have
-- no document yet; ReadDocuments renders them at startup, in batches, before the service reports ready.
alter table lead add column doc jsonb;
alter table contact add column doc jsonb;
alter table opportunity add column doc jsonb;
alter table task add column doc jsonb;
alter table lead_status add column doc jsonb;
alter table pipeline add column doc jsonb;
alter table opportunity_status add column doc jsonb;
alter table integration_link add column doc jsonb;

-- The lead's tasks embed lists open tasks in date order.
create index task_org_lead_open on task (organization_id, lead_id, date_sort, id) where not is_complete;
