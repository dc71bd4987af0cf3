-- Tasks (Close calls them notifications internally). A task's date is either a day or an instant, and comes back
-- in the form it was given, so both forms are kept: date_on for a day, date_at for a datetime (at most one is set;
-- neither means dateless). Two derived columns serve queries:
--   date_effective: the instant the task becomes due (a day counts from its start in UTC), for date__* filters;
--   date_sort:      'YYYY-MM-DD 0' for a day, 'YYYY-MM-DD 1 HH:MM:SS.ffffff' (UTC) for a datetime, so that in the
--                   "C" collation a day's date-only tasks sort before its timed ones, in both directions.
create table task (
    id               varchar(64) collate "C" primary key,
    organization_id  varchar(64) collate "C" not null,
    task_type        varchar(32)  not null,
    lead_id          varchar(64) collate "C" not null references lead (id),
    contact_id       varchar(64) collate "C" references contact (id) on delete set null,
    assigned_to      varchar(64) collate "C",
    assigned_to_name text,
    text             text         not null default '',
    date_on          date,
    date_at          timestamptz,
    date_effective   timestamptz,
    date_sort        varchar(40) collate "C",
    is_complete      boolean      not null default false,
    created_by       varchar(64),
    created_by_name  text,
    updated_by       varchar(64),
    updated_by_name  text,
    date_created     timestamptz  not null,
    date_updated     timestamptz  not null,
    check (date_on is null or date_at is null)
);
-- The default list (lead tasks by date) and the task views all start with the organization and the type.
create index task_org_type_sort on task (organization_id, task_type, date_sort, id);
create index task_org_lead on task (organization_id, lead_id);
create index task_org_assigned on task (organization_id, assigned_to, is_complete);
