-- Call system of the citizens' office: per location (a catalogue location) service groups with a
-- ticket prefix, counters serving some of the groups, kiosk and display board devices reached by
-- secret URLs, and the tickets of each day.

create table queue_service_group (
    id                       uuid primary key default gen_random_uuid(),
    municipality_id          uuid not null references municipality (id) on delete cascade,
    location_id              uuid not null references catalog_location (id) on delete cascade,
    name                     text not null check (length(trim(name)) > 0),
    name_en                  text not null default '',
    prefix                   text not null check (prefix ~ '^[A-Z]{1,2}$'),
    -- words matched against an appointment's service names at check-in
    service_keywords         text[] not null default '{}',
    default_service_minutes  integer not null default 10 check (default_service_minutes between 1 and 240),
    sort_order               integer not null default 0,
    unique (location_id, prefix)
);

create table queue_counter (
    id              uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id) on delete cascade,
    location_id     uuid not null references catalog_location (id) on delete cascade,
    name            text not null check (length(trim(name)) > 0),
    -- the staff member signed in at the counter; null while it is closed
    opened_by       uuid,
    opened_at       timestamptz,
    unique (location_id, name),
    check ((opened_by is null) = (opened_at is null))
);

-- one staff member works at one counter at a time
create unique index queue_counter_one_per_staff on queue_counter (opened_by) where opened_by is not null;

create table queue_counter_group (
    counter_id uuid not null references queue_counter (id) on delete cascade,
    group_id   uuid not null references queue_service_group (id) on delete cascade,
    primary key (counter_id, group_id)
);

create table queue_device (
    id              uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id) on delete cascade,
    location_id     uuid not null references catalog_location (id) on delete cascade,
    kind            text not null check (kind in ('KIOSK', 'BOARD')),
    name            text not null check (length(trim(name)) > 0),
    -- the secret part of the device's URL
    token           text not null unique check (length(token) >= 16),
    created_at      timestamptz not null
);

-- the last number issued per group and day; incremented under the row's lock
create table queue_ticket_number (
    group_id    uuid not null references queue_service_group (id) on delete cascade,
    service_day date not null,
    last_number integer not null check (last_number > 0),
    primary key (group_id, service_day)
);

create table queue_ticket (
    id                uuid primary key default gen_random_uuid(),
    municipality_id   uuid not null references municipality (id) on delete cascade,
    location_id       uuid not null references catalog_location (id) on delete cascade,
    group_id          uuid not null references queue_service_group (id) on delete cascade,
    service_day       date not null,
    number            integer not null check (number > 0),
    display_number    text not null,
    -- the secret part of the ticket page's URL
    token             text not null unique check (length(token) >= 16),
    -- the kiosk form's one-time key: a repeated POST finds the ticket it already issued
    request_key       text not null check (length(request_key) between 8 and 100),
    issued_at         timestamptz not null,
    appointment_id    uuid unique,
    appointment_start timestamptz,
    status            text not null default 'WAITING'
                      check (status in ('WAITING', 'CALLED', 'DONE', 'NO_SHOW')),
    -- a ticket transferred to one counter waits for that counter only
    target_counter_id uuid references queue_counter (id) on delete set null,
    counter_id        uuid references queue_counter (id) on delete set null,
    called_at         timestamptz,
    called_by         uuid,
    call_count        integer not null default 0,
    finished_at       timestamptz,
    email             text,
    email_language    text,
    nearly_due_sent_at timestamptz,
    unique (group_id, service_day, number),
    unique (location_id, request_key),
    check ((appointment_id is null) = (appointment_start is null)),
    check (status <> 'CALLED' or (called_at is not null and counter_id is not null)),
    check (status not in ('DONE', 'NO_SHOW') or finished_at is not null)
);

create index queue_ticket_waiting on queue_ticket (location_id, service_day, status);
create index queue_ticket_counter on queue_ticket (counter_id) where status = 'CALLED';
-- at most one ticket is called to a counter at a time
create unique index queue_ticket_one_called_per_counter on queue_ticket (counter_id) where status = 'CALLED';

-- every call and recall, for the display board and the statistics
create table queue_call (
    id          bigserial primary key,
    ticket_id   uuid not null references queue_ticket (id) on delete cascade,
    location_id uuid not null references catalog_location (id) on delete cascade,
    counter_id  uuid references queue_counter (id) on delete set null,
    display_number text not null,
    counter_name text not null,
    called_at   timestamptz not null
);

create index queue_call_latest on queue_call (location_id, called_at desc);
