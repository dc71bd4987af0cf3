-- Emails and their threads (EmailThread rows live in the same table: the union list stays one index range).
alter table activity
    add column subject         text,
    add column body_text       text,
    add column body_html       text,
    add column sender          text,
    add column recipients      text,         -- JSON {"to": [...], "cc": [...], "bcc": [...]}
    add column thread_id       varchar(64) collate "C",
    add column in_reply_to_id  varchar(64) collate "C",
    add column message_ids     text,         -- JSON array of RFC 5322 Message-IDs
    add column email_extra     text,         -- JSON: template, follow-up, references, opens, send attempts
    add column date_scheduled  timestamptz,
    add column date_sent       timestamptz,
    -- when the sending worker should (next) try: set while an email waits in outbox or scheduled, else null
    add column send_due_at     timestamptz,
    add column send_failures   integer;
-- The sending worker's queue: only waiting emails have send_due_at, so the index stays small.
create index activity_email_send_due on activity (send_due_at) where send_due_at is not null;
-- A thread's emails.
create index activity_thread on activity (organization_id, thread_id) where thread_id is not null;
