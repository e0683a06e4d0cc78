-- Citizens' service accounts (Servicekonto). One per e-mail address across the portal; the
-- home municipality follows from the address.
create table citizen_account (
    id                    uuid primary key default gen_random_uuid(),
    email                 text not null check (position('@' in email) > 1),
    email_confirmed_at    timestamptz,
    password_hash         text,
    given_name            text not null default '',
    family_name           text not null default '',
    date_of_birth         date,
    street                text not null default '',
    postcode              text not null default '' check (postcode = '' or postcode ~ '^[0-9]{5}$'),
    city                  text not null default '',
    phone                 text not null default '',
    home_municipality_id  uuid references municipality (id) on delete set null,
    trust_level           text not null default 'LOW' check (trust_level in ('LOW', 'SUBSTANTIAL', 'HIGH')),
    preferred_language    text not null default 'de' check (preferred_language in ('de', 'en')),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    last_login_at         timestamptz
);
create unique index citizen_account_email_idx on citizen_account (lower(email));

-- Organisation accounts (Organisationskonto): a company, club or other body with members.
create table organisation_account (
    id               uuid primary key default gen_random_uuid(),
    name             text not null check (length(trim(name)) > 0),
    legal_form       text not null default '',
    register_number  text not null default '',
    street           text not null default '',
    postcode         text not null default '' check (postcode = '' or postcode ~ '^[0-9]{5}$'),
    city             text not null default '',
    email            text not null default '',
    phone            text not null default '',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table organisation_member (
    organisation_id     uuid not null references organisation_account (id) on delete cascade,
    citizen_account_id  uuid not null references citizen_account (id) on delete cascade,
    role                text not null check (role in ('ADMIN', 'MEMBER')),
    added_at            timestamptz not null default now(),
    primary key (organisation_id, citizen_account_id)
);
create index organisation_member_citizen_idx on organisation_member (citizen_account_id);

-- Staff of a municipality (or, without municipality, operators of the whole portal).
create table staff_account (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid references municipality (id) on delete cascade,
    email            text not null check (position('@' in email) > 1),
    password_hash    text,
    given_name       text not null default '',
    family_name      text not null default '',
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    last_login_at    timestamptz
);
create unique index staff_account_email_idx on staff_account (lower(email));

-- Roles per org unit. ADMIN without an org unit administers the whole municipality;
-- PORTAL_ADMIN (only for staff without municipality) administers all municipalities.
create table staff_role (
    staff_id     uuid not null references staff_account (id) on delete cascade,
    role         text not null check (role in ('ADMIN', 'CLERK', 'FRONT_DESK', 'FIELD_OFFICER', 'FINANCE',
                                               'COUNCIL_OFFICE', 'PORTAL_ADMIN')),
    org_unit_id  uuid references org_unit (id) on delete cascade,
    unique nulls not distinct (staff_id, role, org_unit_id)
);

-- One-time tokens sent by e-mail (confirm address, reset password, invitations). Only the
-- SHA-256 of a token is stored.
create table account_token (
    token_hash   char(64) primary key,
    purpose      text not null check (purpose in ('CONFIRM_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL', 'STAFF_INVITATION')),
    account_id   uuid not null,
    payload      text not null default '',
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index account_token_account_idx on account_token (account_id, purpose);

-- Failed sign-ins per account name and per client address; slows down guessing.
create table login_throttle (
    key               text primary key,
    failures          int not null,
    last_failure_at   timestamptz not null,
    blocked_until     timestamptz
);
