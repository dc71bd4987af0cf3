-- A person's account at the deployment's OpenID Connect provider, linked to their Leadline user at the first sign-in
-- (matched by verified email). From then on the provider's subject, not the email, identifies them: an email changed
-- or reused at the provider cannot move the link. One link per user and provider.
create table user_identities (
    issuer       varchar(500) not null,
    subject      varchar(255) not null,
    user_id      varchar(64)  not null references users (id),
    email        varchar(320) not null,
    date_created timestamptz  not null,
    primary key (issuer, subject)
);

create unique index user_identities_issuer_user on user_identities (issuer, user_id);
