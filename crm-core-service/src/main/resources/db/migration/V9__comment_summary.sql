-- What crm-core knows of comments, from comments-service's events alone (it never reads that service's database):
-- per commented object, its thread and how many comments it holds that are not removed. Opportunities show it as
-- comment_summary.
create table comment_summary (
    organization_id varchar(64) collate "C" not null,
    object_id       varchar(64) collate "C" not null,
    thread_id       varchar(64) collate "C" not null,
    comment_count   integer not null default 0 check (comment_count >= 0),
    primary key (organization_id, object_id)
);

create index comment_summary_thread on comment_summary (organization_id, thread_id);
