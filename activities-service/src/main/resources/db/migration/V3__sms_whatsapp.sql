-- SMS and WhatsApp messages, in the one activity table (phones, direction, status, attachments, date_scheduled and
-- date_sent are the columns calls and emails already have).
alter table activity
    add column message_text                 text,          -- SMS text
    add column template_id                  varchar(64) collate "C",
    add column error_message                text,
    add column external_whatsapp_message_id varchar(255) collate "C",
    add column message_markdown             text,
    add column message_html                 text,
    add column integration_link             text,
    add column integration_name             text,
    add column response_to_id               varchar(64) collate "C";
-- GET /activity/whatsapp_message/?external_whatsapp_message_id=: an integration finds the message it logged.
create index activity_whatsapp_external on activity (organization_id, external_whatsapp_message_id)
    where external_whatsapp_message_id is not null;
