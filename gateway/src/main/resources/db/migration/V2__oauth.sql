-- The OAuth 2.0 authorization server (package oauth). Every secret (client secrets, codes, tokens) is kept as its
-- SHA-256 only: they are long random strings, so a fast hash suffices; user passwords are bcrypt (user_passwords).

-- A registered application. organization_id is the organization whose admin registered it (null: the operator);
-- any Leadline user may still authorize it for one of their own organizations.
create table oauth_clients (
    id              varchar(64)  primary key,
    organization_id varchar(64)  references organizations (id),
    name            varchar(255) not null,
    secret_hash     varchar(64),              -- null: a public client (no secret, PKCE required)
    redirect_uris   text[]       not null,
    date_created    timestamptz  not null
);

-- Local sign-in for the authorization page, for deployments without an OpenID Connect provider.
create table user_passwords (
    user_id       varchar(64)  primary key references users (id),
    password_hash varchar(100) not null,
    date_updated  timestamptz  not null
);

-- One approval: a user let a client act in one organization within a scope. Every refresh token of the chain that
-- starts with the authorization code belongs to it, so revoking the grant revokes the whole family.
create table oauth_grants (
    id              varchar(64)  primary key,
    client_id       varchar(64)  not null references oauth_clients (id),
    organization_id varchar(64)  not null references organizations (id),
    user_id         varchar(64)  not null references users (id),
    scope           varchar(255) not null,
    date_created    timestamptz  not null,
    date_revoked    timestamptz
);

create index oauth_grants_user on oauth_grants (user_id);

create table oauth_codes (
    code_hash             varchar(64)  primary key,
    client_id             varchar(64)  not null references oauth_clients (id),
    organization_id       varchar(64)  not null references organizations (id),
    user_id               varchar(64)  not null references users (id),
    redirect_uri          text,                  -- as the authorization request gave it (null: none given)
    scope                 varchar(255) not null,
    code_challenge        varchar(128),          -- S256 of the PKCE verifier, null when none was sent
    expires_at            timestamptz  not null,
    grant_id              varchar(64)  references oauth_grants (id) -- set when redeemed: a code is used once
);

create table oauth_tokens (
    token_hash   varchar(64)  primary key,
    grant_id     varchar(64)  not null references oauth_grants (id),
    kind         varchar(16)  not null check (kind in ('access', 'refresh')),
    scope        varchar(255) not null,
    expires_at   timestamptz  not null,
    date_rotated timestamptz,                   -- a refresh token that was exchanged; presenting it again is theft
    date_revoked timestamptz
);

create index oauth_tokens_grant on oauth_tokens (grant_id);
