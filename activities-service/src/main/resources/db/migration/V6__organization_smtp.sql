-- An organization's own outgoing mail server (a Leadline extension, README "Sending email"): its emails are sent
-- through it instead of the deployment's default. At most one per organization; no row = the default server.
-- The password is kept to log in and is never answered by the API.
create table organization_smtp (
    organization_id varchar(64) collate "C" primary key,
    host            varchar(255) not null,
    port            integer not null,
    username        varchar(255),
    password        text,
    start_tls       varchar(16) not null, -- DISABLED, OPTIONAL, REQUIRED (Vert.x's StartTLSOptions)
    tls             boolean not null,     -- TLS from the first byte (port 465)
    updated_by      varchar(64) collate "C",
    date_updated    timestamptz not null,
    doc             jsonb not null        -- the wire form, without the password
);
