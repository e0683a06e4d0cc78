-- Extensions the modules rely on: trigram similarity and accent folding for search, exclusion
-- constraints on ranges (bookings), and digests/random UUIDs.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists btree_gist;
create extension if not exists pgcrypto;

create table district (
    id          uuid primary key default gen_random_uuid(),
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null check (length(trim(name)) > 0),
    state       char(2) not null check (state in ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')),
    created_at  timestamptz not null default now()
);

create table municipality (
    id            uuid primary key default gen_random_uuid(),
    district_id   uuid references district (id),
    slug          text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name          text not null check (length(trim(name)) > 0),
    ags           char(8) not null unique check (ags ~ '^[0-9]{8}$'),
    state         char(2) not null check (state in ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')),
    street        text not null default '',
    postcode      text not null default '' check (postcode = '' or postcode ~ '^[0-9]{5}$'),
    city          text not null default '',
    phone         text not null default '',
    email         text not null default '',
    website       text not null default '',
    host_names    text[] not null default '{}',
    -- postcodes of the municipality's territory, so a citizen can find it by typing one
    postcodes     text[] not null default '{}',
    logo          bytea,
    logo_type     text check (logo_type in ('image/png', 'image/svg+xml', 'image/jpeg')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check ((logo is null) = (logo_type is null))
);

-- Opening hours of the town hall: a weekly plan, several periods a day.
create table municipality_opening_period (
    municipality_id  uuid not null references municipality (id) on delete cascade,
    day_of_week      smallint not null check (day_of_week between 1 and 7),
    opens            time not null,
    closes           time not null,
    check (opens < closes),
    primary key (municipality_id, day_of_week, opens)
);

create table org_unit (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id) on delete cascade,
    key              text not null check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name             text not null check (length(trim(name)) > 0),
    email            text not null default '',
    phone            text not null default '',
    created_at       timestamptz not null default now(),
    unique (municipality_id, key),
    unique (municipality_id, name)
);
