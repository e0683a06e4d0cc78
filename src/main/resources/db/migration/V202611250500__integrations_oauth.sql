-- OAuth2 client credentials (RFC 6749 §4.4) beside the API keys. The client id is the system's id;
-- its secrets are shown once and kept as SHA-256, like the keys. Several may be valid at once, so a
-- system can switch to a new secret before the old one is revoked.
create table integration_client_secret (
    id          uuid primary key,
    system_id   uuid not null references integration_system (id) on delete cascade,
    prefix      text not null unique check (prefix ~ '^awcs_[a-z0-9]{8}$'),
    hash        char(64) not null unique,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
create index integration_client_secret_system_idx on integration_client_secret (system_id);

-- Access tokens: opaque, short-lived, kept as SHA-256 with their expiry. Revoking the secret they
-- were issued for revokes them too (cascade by the join at authentication, deletion here).
create table integration_access_token (
    hash         char(64) primary key,
    secret_id    uuid not null references integration_client_secret (id) on delete cascade,
    -- the org units the token grants: the requested scope, a subset of the system's units
    org_unit_ids uuid[] not null check (cardinality(org_unit_ids) > 0),
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    check (expires_at > issued_at)
);
create index integration_access_token_expiry_idx on integration_access_token (expires_at);

-- The API's rate limit now counts per credential: an API key, a client secret (the tokens issued
-- for it share its window) or, for token requests, the client.
alter table integration_rate_limit drop constraint integration_rate_limit_key_id_fkey;
