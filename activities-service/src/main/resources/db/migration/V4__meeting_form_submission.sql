-- Meetings (from calendar sync) and form submissions (from Close Forms): what they carry from their source is one JSON
-- object in details; what the API changes or filters by is a column.
alter table activity
    add column user_note_html text,
    add column form_id        varchar(64) collate "C";
create index activity_form on activity (organization_id, form_id) where form_id is not null;
