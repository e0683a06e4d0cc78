-- Case types: per form (or the default for every form without its own), versioned. A case keeps
-- the version it started with; a new version applies to new cases only.
create table case_type (
    id                   uuid primary key default gen_random_uuid(),
    -- null: for every municipality of the portal
    municipality_id      uuid references municipality (id) on delete cascade,
    -- the form it is for; null: the default case type
    form_key             text check (form_key is null or form_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version              int not null check (version >= 1),
    name_de              text not null check (length(trim(name_de)) > 0),
    name_en              text not null check (length(trim(name_en)) > 0),
    -- legal processing time in calendar days, shown to the applicant
    processing_days      int not null check (processing_days between 1 and 3650),
    -- adds the status "Zur Abholung bereit" (e.g. an ID card at the citizens' office)
    pickup               boolean not null default false,
    -- key of the BPMN process that runs the case
    route_key            text not null default 'amtsweg-default-route',
    -- Thymeleaf template of the notice (Bescheid) under templates/
    notice_template      text not null default 'cases/notice-pdf' check (notice_template ~ '^cases/[a-z0-9/-]+$'),
    retention_approved   interval not null default interval '10 years' check (retention_approved > interval '0'),
    retention_rejected   interval not null default interval '10 years' check (retention_rejected > interval '0'),
    retention_withdrawn  interval not null default interval '2 years' check (retention_withdrawn > interval '0'),
    created_at           timestamptz not null default now(),
    unique nulls not distinct (municipality_id, form_key, version)
);

insert into case_type (form_key, version, name_de, name_en, processing_days, pickup)
values (null, 1, 'Antrag', 'Application', 30, false),
       ('bewohnerparkausweis', 1, 'Bewohnerparkausweis', 'Resident parking permit', 14, true),
       ('geburtsurkunde', 1, 'Urkunde', 'Certificate', 14, true),
       ('meldebescheinigung', 1, 'Meldebescheinigung', 'Registration certificate', 7, false),
       ('gewerbeanmeldung', 1, 'Gewerbeanzeige', 'Trade notification', 3, false),
       ('bauantrag', 1, 'Bauantrag', 'Building permit', 90, false);

-- Reference numbers of cases per municipality and year, e.g. VG-2026-000123.
create table case_reference_counter (
    municipality_id  uuid not null references municipality (id) on delete cascade,
    year             int not null check (year between 2000 and 2999),
    last_number      bigint not null check (last_number > 0),
    primary key (municipality_id, year)
);

-- One case (Vorgang) per submission. applicant_account_id has no foreign key: the accounts
-- module owns that table.
create table case_file (
    id                    uuid primary key default gen_random_uuid(),
    municipality_id       uuid not null references municipality (id),
    reference             text not null check (reference ~ '^VG-[0-9]{4}-[0-9]{6,}$'),
    -- exactly once: a redelivered FormSubmitted finds the case it made
    submission_id         uuid not null unique,
    submission_reference  text not null,
    case_type_id          uuid not null references case_type (id),
    form_key              text not null,
    form_version          int not null check (form_version >= 1),
    title_de              text not null,
    title_en              text not null,
    org_unit_id           uuid not null references org_unit (id),
    applicant_account_id  uuid,
    applicant_name        text not null,
    applicant_email       text,
    answers               jsonb not null check (jsonb_typeof(answers) = 'object'),
    computed              jsonb not null default '{}' check (jsonb_typeof(computed) = 'object'),
    attachments           jsonb not null default '[]' check (jsonb_typeof(attachments) = 'array'),
    status                text not null check (status in ('RECEIVED', 'IN_PROGRESS', 'INFORMATION_REQUESTED',
                              'DECIDED', 'READY_FOR_PICKUP', 'CLOSED')),
    result                text check (result in ('APPROVED', 'REJECTED', 'WITHDRAWN')),
    decision_reason       text,
    notice_blob           char(64),
    notice_created_at     timestamptz,
    assignee_staff_id     uuid,
    assignee_name         text,
    process_instance_id   text,
    -- printed for the applicant: with the reference it shows the status without an account
    access_code           text not null check (length(access_code) >= 8),
    submitted_at          timestamptz not null,
    deadline              date not null,
    closed_at             timestamptz,
    retain_until          date,
    search                tsvector generated always as (
                              to_tsvector('simple', reference || ' ' || submission_reference || ' ' || applicant_name)
                              || jsonb_to_tsvector('german', answers, '["string"]')) stored,
    unique (municipality_id, reference),
    check ((result is null) = (decision_reason is null)),
    check (status <> 'CLOSED' or closed_at is not null),
    check ((notice_blob is null) = (notice_created_at is null))
);
create index case_file_inbox_idx on case_file (org_unit_id, submitted_at desc);
create index case_file_open_idx on case_file (org_unit_id, status, submitted_at desc) where status <> 'CLOSED';
create index case_file_assignee_idx on case_file (assignee_staff_id) where assignee_staff_id is not null;
create index case_file_applicant_idx on case_file (applicant_account_id, submitted_at desc)
    where applicant_account_id is not null;
create index case_file_search_idx on case_file using gin (search);

-- What happened to a case; entries marked for the applicant make their history.
create table case_event (
    id                    bigint generated always as identity primary key,
    case_id               uuid not null references case_file (id) on delete cascade,
    at                    timestamptz not null,
    kind                  text not null,
    status                text,
    actor_name            text not null,
    details               text not null default '',
    shown_to_applicant    boolean not null default false
);
create index case_event_case_idx on case_event (case_id, id);

-- Internal notes of the clerks; never shown to the applicant.
create table case_note (
    id                uuid primary key default gen_random_uuid(),
    case_id           uuid not null references case_file (id) on delete cascade,
    author_staff_id   uuid not null,
    author_name       text not null,
    text              text not null check (length(trim(text)) between 1 and 5000),
    created_at        timestamptz not null
);
create index case_note_case_idx on case_note (case_id, created_at);

-- Status look-ups without account, counted per client in fixed windows (keys are hashed).
create table case_status_rate_limit (
    key                char(64) primary key,
    window_started_at  timestamptz not null,
    attempts           int not null check (attempts > 0)
);
