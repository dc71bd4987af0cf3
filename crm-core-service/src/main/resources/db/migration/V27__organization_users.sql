-- The users of each organization as crm-core knows them: a projection of the gateway's membership.activated events
-- (gateway.events; crm-core never reads the gateway's database). It turns a user's name sent as the value of a
-- `user` custom field into the user's id (Close: "accepts names on input"). A replayed or later event overwrites
-- the row, so the newest name wins.
create table organization_user (
    organization_id varchar(64) collate "C" not null,
    user_id         varchar(64) collate "C" not null,
    full_name       text,
    email           text,
    -- the name as looked up: trimmed and lower-cased by crm-core (Java's Unicode rules, so no collation decides)
    name_key        text,
    primary key (organization_id, user_id)
);

create index organization_user_name on organization_user (organization_id, name_key);
