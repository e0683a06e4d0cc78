-- Online appointments: calendars per location (opening hours come from the catalogue),
-- bookable services with durations, counters (the resources that work in parallel),
-- appointments and the time each one (or a block) occupies on a counter.

create table appointment_calendar (
    id                uuid primary key,
    municipality_id   uuid not null references municipality (id),
    location_id       uuid not null,
    org_unit_id       uuid not null references org_unit (id),
    name              text not null check (length(trim(name)) > 0),
    -- slots start every slot_minutes from the opening time
    slot_minutes      int not null check (slot_minutes between 5 and 120),
    -- earliest booking: this many minutes before the start
    lead_minutes      int not null check (lead_minutes between 0 and 20160),
    -- latest booking: days ahead; a new day opens at release_time each day
    horizon_days      int not null check (horizon_days between 1 and 365),
    release_time      time not null default '08:00',
    -- free time a counter keeps after each appointment
    buffer_minutes    int not null default 0 check (buffer_minutes between 0 and 120),
    active            boolean not null default true,
    created_at        timestamptz not null default now(),
    unique (municipality_id, location_id, org_unit_id)
);

create table appointment_counter (
    id           uuid primary key,
    calendar_id  uuid not null references appointment_calendar (id) on delete cascade,
    name         text not null check (length(trim(name)) > 0),
    position     int not null,
    active       boolean not null default true,
    -- secret part of the counter's iCalendar feed address
    feed_token   text not null unique check (length(feed_token) >= 32),
    unique (calendar_id, name)
);

create table appointment_service (
    id                        uuid primary key,
    calendar_id               uuid not null references appointment_calendar (id) on delete cascade,
    -- the catalogue's responsibility (offering) this service books for
    responsibility_id         uuid not null,
    name_de                   text not null check (length(trim(name_de)) > 0),
    name_en                   text not null default '',
    minutes                   int not null check (minutes between 5 and 480),
    -- added for each further person (or item, e.g. a second ID card)
    minutes_per_extra_person  int not null default 0 check (minutes_per_extra_person between 0 and 240),
    max_persons               int not null default 1 check (max_persons between 1 and 10),
    -- open (held or confirmed, not yet past) appointments per e-mail address for this service
    max_open_per_person       int not null default 1 check (max_open_per_person between 1 and 10),
    position                  int not null,
    active                    boolean not null default true
);

create index appointment_service_calendar on appointment_service (calendar_id);

create table appointment (
    id                uuid primary key,
    municipality_id   uuid not null references municipality (id),
    calendar_id       uuid not null references appointment_calendar (id),
    counter_id        uuid not null references appointment_counter (id),
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    persons           int not null check (persons between 1 and 10),
    status            text not null check (status in ('HELD', 'CONFIRMED', 'ARRIVED', 'NO_SHOW', 'CANCELLED', 'LAPSED')),
    held_until        timestamptz,
    name              text not null check (length(trim(name)) > 0),
    email             text not null check (email = '' or email like '%_@_%'),
    phone             text not null default '',
    account_id        uuid,
    -- how it was booked: ONLINE (citizen), STAFF (on behalf of a caller)
    channel           text not null check (channel in ('ONLINE', 'STAFF')),
    -- six characters shown at the counter's kiosk (no 0/O, 1/I)
    code              text not null,
    -- the booking form's one-time key, so a repeated POST never books twice
    idempotency_key   text unique,
    locale            text not null default 'de',
    reminder_sent_at  timestamptz,
    created_at        timestamptz not null,
    confirmed_at      timestamptz,
    cancelled_at      timestamptz,
    arrived_at        timestamptz,
    check (ends_at > starts_at),
    check ((status = 'HELD') = (held_until is not null)),
    unique (municipality_id, code)
);

create index appointment_calendar_start on appointment (calendar_id, starts_at);
create index appointment_open_email on appointment (lower(email)) where status in ('HELD', 'CONFIRMED');
create index appointment_reminder on appointment (starts_at) where status = 'CONFIRMED' and reminder_sent_at is null;
create index appointment_held on appointment (held_until) where status = 'HELD';

create table appointment_booked_service (
    appointment_id  uuid not null references appointment (id) on delete cascade,
    service_id      uuid not null references appointment_service (id),
    primary key (appointment_id, service_id)
);

create table appointment_block (
    id           uuid primary key,
    calendar_id  uuid not null references appointment_calendar (id) on delete cascade,
    -- null: all counters of the calendar
    counter_id   uuid references appointment_counter (id) on delete cascade,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    reason       text not null default '',
    created_at   timestamptz not null,
    check (ends_at > starts_at)
);

-- The time a counter is taken, by an appointment (plus the calendar's buffer) or a block.
-- The exclusion constraint is THE guarantee against over-booking: two rows of one counter
-- can never overlap, whatever the application does and however many nodes race.
create table appointment_occupancy (
    id              uuid primary key default gen_random_uuid(),
    counter_id      uuid not null references appointment_counter (id) on delete cascade,
    during          tstzrange not null check (not isempty(during)),
    appointment_id  uuid unique references appointment (id) on delete cascade,
    block_id        uuid references appointment_block (id) on delete cascade,
    check ((appointment_id is null) <> (block_id is null)),
    exclude using gist (counter_id with =, during with &&)
);

-- Attempts per client and action in fixed windows (rate limits of booking); keys are hashed.
create table appointment_rate_limit (
    key                text primary key,
    window_started_at  timestamptz not null,
    attempts           int not null
);

-- The key that signs the links in appointment mails (cancel, move, confirm); made once, so
-- links stay valid across restarts and nodes.
create table appointment_link_key (
    id      int primary key check (id = 1),
    secret  bytea not null check (length(secret) >= 32)
);
