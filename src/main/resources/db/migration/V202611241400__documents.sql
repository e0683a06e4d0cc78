
-- Kinds of documents, each with its retention period (Aufbewahrungsfrist) from its date.
create table document_type (
    key          text primary key check (key ~ '^[A-Z_]+$'),
    name_de      text not null check (length(trim(name_de)) > 0),
    name_en      text not null check (length(trim(name_en)) > 0),
    retention    interval not null check (retention > interval '0')
);
insert into document_type (key, name_de, name_en, retention)
values ('APPLICATION', 'Antrag', 'Application', interval '10 years'),
       ('ATTACHMENT', 'Anlage', 'Attachment', interval '10 years'),
       ('NOTICE', 'Bescheid', 'Notice', interval '10 years'),
       ('LETTER_IN', 'Eingehendes Schreiben', 'Incoming letter', interval '6 years'),
       ('LETTER_OUT', 'Ausgehendes Schreiben', 'Outgoing letter', interval '6 years'),
       ('NOTE', 'Vermerk', 'Memo', interval '6 years'),
       ('CONTRACT', 'Vertrag', 'Contract', interval '10 years'),
       ('MINUTES', 'Protokoll', 'Minutes', interval '10 years'),
       ('OTHER', 'Sonstiges', 'Other', interval '2 years');

-- The file plan (Aktenplan): subjects with hierarchical codes (e.g. 1, 1.2, 1.2.3) per municipality.
create table document_subject (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id) on delete cascade,
    parent_id        uuid references document_subject (id),
    code             text not null check (code ~ '^[0-9]+(\.[0-9]+)*$'),
    title            text not null check (length(trim(title)) between 1 and 200),
    unique (municipality_id, code)
);

-- A file (Akte): one per case, or a general file of an org unit. case_id has no foreign key: the cases
-- module owns that table.
create table document_file (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id),
    org_unit_id      uuid not null references org_unit (id),
    subject_id       uuid references document_subject (id),
    case_id          uuid unique,
    title            text not null check (length(trim(title)) between 1 and 300),
    created_at       timestamptz not null,
    -- the end of the case's retention period (by its result), when the case is closed
    case_retain_until date,
    -- ACTIVE, REVIEW (period ended, waits for an admin), ARCHIVE (marked for transfer to an archive)
    state            text not null default 'ACTIVE' check (state in ('ACTIVE', 'REVIEW', 'ARCHIVE')),
    review_since     date,
    check ((state = 'ACTIVE') = (review_since is null))
);
create index document_file_unit_idx on document_file (org_unit_id, created_at desc);
create index document_file_state_idx on document_file (state) where state <> 'ACTIVE';

create table document (
    id               uuid primary key default gen_random_uuid(),
    file_id          uuid not null references document_file (id) on delete cascade,
    type             text not null references document_type (key),
    title            text not null check (length(trim(title)) between 1 and 300),
    correspondent    text not null default '' check (length(correspondent) <= 300),
    document_date    date not null,
    created_at       timestamptz not null,
    current_version  int not null default 1 check (current_version >= 1)
);
create index document_file_idx on document (file_id, document_date desc);

-- Every change is a new version; old versions stay. The blob is shared with whoever stored the same bytes.
create table document_version (
    id               uuid primary key default gen_random_uuid(),
    document_id      uuid not null references document (id) on delete cascade,
    version          int not null check (version >= 1),
    blob             char(64) not null check (blob ~ '^[0-9a-f]{64}$'),
    file_name        text not null check (length(trim(file_name)) between 1 and 255),
    content_type     text not null,
    size             bigint not null check (size >= 0),
    created_at       timestamptz not null,
    created_by       text not null,
    -- false when the bytes came from another module (a form's attachment, a notice): deleting the file
    -- never deletes those blobs
    owned            boolean not null default true,
    -- extracted asynchronously after the upload; null until then
    content          text,
    extracted_at     timestamptz,
    search           tsvector generated always as (to_tsvector('german', coalesce(content, ''))) stored,
    unique (document_id, version)
);
create index document_version_search_idx on document_version using gin (search);
create index document_version_blob_idx on document_version (blob);

-- Results of the integrity sweep: every blob whose bytes no longer match their address.
create table document_integrity_sweep (
    id               bigint generated always as identity primary key,
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    checked          int not null check (checked >= 0),
    mismatches       jsonb not null default '[]' check (jsonb_typeof(mismatches) = 'array')
);
