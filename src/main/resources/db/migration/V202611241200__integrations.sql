-- Specialist systems (Fachverfahren) that work the cases of some org units of a municipality
-- through the API and receive webhooks on case events.
create table integration_system (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id) on delete cascade,
    name             text not null check (length(trim(name)) between 1 and 200),
    -- where webhooks go; null: the system only polls
    webhook_url      text check (webhook_url is null or webhook_url ~ '^https?://[^\s]+$'),
    -- HMAC key of the webhook signatures; the system verifies with it, so it is kept readable
    webhook_secret   text check (webhook_secret is null or length(webhook_secret) >= 32),
    created_at       timestamptz not null,
    unique (municipality_id, name),
    check (webhook_url is null or webhook_secret is not null)
);

-- The org units whose cases a system sees.
create table integration_system_org_unit (
    system_id    uuid not null references integration_system (id) on delete cascade,
    org_unit_id  uuid not null references org_unit (id) on delete cascade,
    primary key (system_id, org_unit_id)
);
create index integration_system_org_unit_unit_idx on integration_system_org_unit (org_unit_id);

-- API keys: shown once, kept as SHA-256 of the whole key; the prefix identifies it on the admin page.
create table integration_api_key (
    id          uuid primary key,
    system_id   uuid not null references integration_system (id) on delete cascade,
    prefix      text not null unique check (prefix ~ '^aw_[a-z0-9]{8}$'),
    hash        char(64) not null unique,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
create index integration_api_key_system_idx on integration_api_key (system_id);

-- Requests per key in fixed windows (rate limit).
create table integration_rate_limit (
    key_id             uuid primary key references integration_api_key (id) on delete cascade,
    window_started_at  timestamptz not null,
    requests           int not null check (requests > 0)
);

-- Webhook outbox: one row per event and subscribed system, written in the event's transaction.
-- The event id is the receiver's idempotency key; a re-send carries the same id.
create table webhook_delivery (
    id               uuid primary key,
    event_id         uuid not null,
    system_id        uuid not null references integration_system (id) on delete cascade,
    municipality_id  uuid not null references municipality (id) on delete cascade,
    event_type       text not null check (event_type in ('case.opened', 'case.status-changed', 'case.citizen-replied')),
    payload          text not null,
    occurred_at      timestamptz not null,
    status           text not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         int not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz,
    last_error       text,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    unique (event_id, system_id),
    check ((status = 'PENDING') = (next_attempt_at is not null)),
    check ((status = 'DELIVERED') = (delivered_at is not null))
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_open_idx on webhook_delivery (municipality_id, status, occurred_at desc)
    where status <> 'DELIVERED';
