-- Sign-in over OpenID Connect: the identity providers a portal or a municipality trusts, how each
-- one's level-of-assurance claim maps to a trust level, and which external identity belongs to
-- which citizen or staff account.

create table identity_provider (
    id                 uuid primary key default gen_random_uuid(),
    -- part of the sign-in and callback paths (/oauth2/authorization/{registration_id})
    registration_id    text not null unique
                       check (registration_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(registration_id) <= 40),
    -- null: usable in the whole portal
    municipality_id    uuid references municipality (id) on delete cascade,
    audience           text not null check (audience in ('CITIZEN', 'STAFF')),
    display_name       text not null check (length(trim(display_name)) between 1 and 100),
    issuer_uri         text not null check (issuer_uri ~ '^https?://[^?#[:space:]]+$'),
    client_id          text not null check (length(trim(client_id)) > 0),
    -- needed in clear to authenticate at the token endpoint; never rendered, never logged
    client_secret      text not null check (length(client_secret) > 0),
    scopes             text[] not null default '{openid,profile,email}' check ('openid' = any (scopes)),
    trust_level_claim  text not null default 'acr' check (trust_level_claim ~ '^[A-Za-z0-9_.:-]{1,100}$'),
    enabled            boolean not null default true,
    -- raised on every change, so that every node rebuilds its cached client registration
    version            int not null default 1 check (version > 0),
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index identity_provider_municipality_idx on identity_provider (municipality_id);

-- Claim values of one provider that mean a trust level, on top of (and before) the built-in ones.
create table identity_provider_trust_level (
    provider_id   uuid not null references identity_provider (id) on delete cascade,
    claim_value   text not null check (length(trim(claim_value)) > 0 and claim_value = trim(claim_value)),
    trust_level   text not null check (trust_level in ('LOW', 'SUBSTANTIAL', 'HIGH'))
);
create unique index identity_provider_trust_level_value_idx
    on identity_provider_trust_level (provider_id, lower(claim_value));

-- An identity at an OpenID Connect issuer (iss + sub of its ID tokens) linked to one account.
-- Citizen and staff identities are kept apart: the same person may be both.
create table external_identity (
    id                  uuid primary key default gen_random_uuid(),
    audience            text not null check (audience in ('CITIZEN', 'STAFF')),
    issuer              text not null check (length(issuer) > 0),
    subject             text not null check (length(subject) > 0),
    citizen_account_id  uuid references citizen_account (id) on delete cascade,
    staff_account_id    uuid references staff_account (id) on delete cascade,
    -- the provider it was last used with; kept when the provider is removed
    provider_id         uuid references identity_provider (id) on delete set null,
    linked_at           timestamptz not null,
    last_sign_in_at     timestamptz not null,
    last_trust_level    text not null check (last_trust_level in ('LOW', 'SUBSTANTIAL', 'HIGH')),
    unique (audience, issuer, subject),
    check ((audience = 'CITIZEN' and citizen_account_id is not null and staff_account_id is null)
        or (audience = 'STAFF' and staff_account_id is not null and citizen_account_id is null))
);
create index external_identity_citizen_idx on external_identity (citizen_account_id);
create index external_identity_staff_idx on external_identity (staff_account_id);
