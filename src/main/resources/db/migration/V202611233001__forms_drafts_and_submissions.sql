-- Drafts: a form being filled in. A citizen's draft belongs to their account; a guest's draft
-- to their browser session, and after "save for later" to a secret link (only its hash is kept).
-- account_id has no foreign key: the accounts module owns that table and announces deletions.
create table form_draft (
    id                 uuid primary key default gen_random_uuid(),
    municipality_id    uuid not null references municipality (id) on delete cascade,
    form_version_id    uuid not null references form_version (id),
    account_id         uuid,
    answers            jsonb not null default '{}' check (jsonb_typeof(answers) = 'object'),
    -- sent back by the check-your-answers page: a repeated "send" finds the submission it made
    idempotency_key    uuid not null unique default gen_random_uuid(),
    guest_email        text check (guest_email is null or position('@' in guest_email) > 1),
    resume_token_hash  char(64) unique,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    expires_at         timestamptz not null,
    check (expires_at > created_at)
);
create index form_draft_account_idx on form_draft (account_id) where account_id is not null;
create index form_draft_expiry_idx on form_draft (expires_at);

-- Reference numbers per municipality and year, e.g. MUS-2026-000123.
create table form_reference_counter (
    municipality_id  uuid not null references municipality (id) on delete cascade,
    year             int not null check (year between 2000 and 2999),
    last_number      bigint not null check (last_number > 0),
    primary key (municipality_id, year)
);

create table form_submission (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id),
    form_version_id  uuid not null references form_version (id),
    account_id       uuid,
    reference        text not null check (reference ~ '^[A-Z]{2,4}-[0-9]{4}-[0-9]{6,}$'),
    -- exactly once: the same key never makes a second submission
    idempotency_key  uuid not null unique,
    answers          jsonb not null check (jsonb_typeof(answers) = 'object'),
    computed         jsonb not null default '{}' check (jsonb_typeof(computed) = 'object'),
    language         text not null check (language in ('de', 'en')),
    submitted_at     timestamptz not null,
    unique (municipality_id, reference)
);
create index form_submission_account_idx on form_submission (account_id) where account_id is not null;
