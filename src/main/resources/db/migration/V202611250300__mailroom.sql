-- The digital mail room (Posteingang): scanned letters and faxes uploaded in batches, their text recognised by a
-- worker, then filed into a case's file, put into an org unit's inbox or left for the front desk to route by hand.

-- A batch upload; the idempotency key of its page makes a double submit add nothing.
create table mail_batch (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id),
    idempotency_key  text not null check (idempotency_key ~ '^[0-9a-f-]{36}$'),
    uploaded_at      timestamptz not null,
    uploaded_by      text not null,
    unique (municipality_id, idempotency_key)
);

create table mail_item (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id),
    batch_id         uuid not null references mail_batch (id),
    file_name        text not null check (length(trim(file_name)) between 1 and 255),
    content_type     text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/tiff')),
    size             bigint not null check (size > 0),
    blob             char(64) not null check (blob ~ '^[0-9a-f]{64}$'),
    uploaded_at      timestamptz not null,
    uploaded_by      text not null,
    -- QUEUED: waits for the worker; MANUAL: the front desk routes it by hand; INBOX: in an org unit's inbox;
    -- FILED: a document in a file
    state            text not null default 'QUEUED' check (state in ('QUEUED', 'MANUAL', 'INBOX', 'FILED')),
    -- a worker's lease: a worker that dies leaves the item QUEUED and another takes it when the lease ends
    claimed_until    timestamptz not null default '-infinity',
    attempts         int not null default 0 check (attempts >= 0),
    -- how the text was obtained: TEXT (the PDF's text layer), OCR, UNAVAILABLE (no OCR installed), FAILED
    recognition      text check (recognition in ('TEXT', 'OCR', 'UNAVAILABLE', 'FAILED')),
    content          text,
    -- the PDF with the recognised text as an invisible layer, filed instead of a scan without text
    searchable_blob  char(64) check (searchable_blob ~ '^[0-9a-f]{64}$'),
    subject          text check (length(subject) <= 300),
    sender           text check (length(sender) <= 300),
    case_references  text[] not null default '{}',
    payment_reference text,
    org_unit_id      uuid references org_unit (id),
    case_id          uuid,
    case_reference   text,
    -- RULE, CASE or a person's audit name for routing by hand
    routed_by        text,
    routed_at        timestamptz,
    file_id          uuid,
    document_id      uuid,
    unique (batch_id, blob),
    check ((state = 'QUEUED') = (routed_at is null)),
    check (state <> 'INBOX' or org_unit_id is not null),
    check ((state = 'FILED') = (document_id is not null)),
    check ((case_id is null) = (case_reference is null))
);
create index mail_item_queue_idx on mail_item (claimed_until, uploaded_at) where state = 'QUEUED';
create index mail_item_unit_idx on mail_item (org_unit_id, uploaded_at desc) where state = 'INBOX';
create index mail_item_municipality_idx on mail_item (municipality_id, uploaded_at desc);

-- Routing rules, tried in the order of their position: keywords in subject or text and/or a part of the sender's
-- name lead to an org unit.
create table mail_rule (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id),
    position         int not null check (position between 1 and 9999),
    keywords         text not null default '' check (length(keywords) <= 500),
    sender_pattern   text not null default '' check (length(sender_pattern) <= 200),
    org_unit_id      uuid not null references org_unit (id) on delete cascade,
    created_at       timestamptz not null,
    check (length(trim(keywords)) > 0 or length(trim(sender_pattern)) > 0)
);
create index mail_rule_order_idx on mail_rule (municipality_id, position, created_at);
