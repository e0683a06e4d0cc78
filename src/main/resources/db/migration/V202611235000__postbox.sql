-- Postbox (Postfach): threads between an applicant and an org unit, per topic (a case or
-- "general"), with messages and attachments. Account ids have no foreign key: the accounts
-- module owns those tables and announces deletions (CitizenAccountDeleted, OrganisationAccountDeleted).
create table postbox_thread (
    id                   uuid primary key,
    municipality_id      uuid not null references municipality (id),
    org_unit_id          uuid not null references org_unit (id),
    citizen_account_id   uuid,
    -- an organisation account's thread is seen by all of its members
    organisation_id      uuid,
    guest_email          text check (guest_email is null or position('@' in guest_email) > 1),
    topic                text not null check (topic = 'general' or topic ~ '^[a-z][a-z-]*:[A-Za-z0-9._-]{1,100}$'),
    subject              text not null check (length(subject) between 1 and 200),
    -- a task for the applicant: answer by this day (inclusive)
    reply_by             date,
    replied_at           timestamptz,
    -- set once, in the transaction that queues the reminder: a reminder is sent exactly once
    reminder_sent_at     timestamptz,
    created_at           timestamptz not null,
    last_message_at      timestamptz not null,
    check (citizen_account_id is not null or organisation_id is not null or guest_email is not null),
    check (last_message_at >= created_at)
);
create index postbox_thread_citizen_idx on postbox_thread (citizen_account_id, last_message_at desc)
    where citizen_account_id is not null;
create index postbox_thread_organisation_idx on postbox_thread (organisation_id, last_message_at desc)
    where organisation_id is not null;
create index postbox_thread_unit_idx on postbox_thread (org_unit_id, last_message_at desc);
create index postbox_thread_topic_idx on postbox_thread (municipality_id, topic);
create index postbox_thread_reply_by_idx on postbox_thread (reply_by)
    where reply_by is not null and replied_at is null and reminder_sent_at is null;

create table postbox_message (
    id                 uuid primary key,
    thread_id          uuid not null references postbox_thread (id) on delete cascade,
    sender             text not null check (sender in ('CITIZEN', 'STAFF')),
    author_account_id  uuid,
    author_staff_id    uuid,
    author_name        text not null check (length(author_name) between 1 and 300),
    body               text not null check (length(body) between 1 and 10000),
    sent_at            timestamptz not null,
    -- when the other side first opened it; null = unread
    read_at            timestamptz,
    check (read_at is null or read_at >= sent_at),
    check (sender = 'CITIZEN' or author_account_id is null)
);
create index postbox_message_thread_idx on postbox_message (thread_id, sent_at);
create index postbox_message_unread_idx on postbox_message (thread_id, sender) where read_at is null;

create table postbox_attachment (
    id            uuid primary key,
    message_id    uuid not null references postbox_message (id) on delete cascade,
    file_name     text not null check (length(file_name) between 1 and 255),
    -- detected from the content, never taken from the name or the browser
    content_type  text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes    bigint not null check (size_bytes > 0),
    blob_address  char(64) not null check (blob_address ~ '^[0-9a-f]{64}$')
);
create index postbox_attachment_message_idx on postbox_attachment (message_id);

-- Links for guests (no account): only the SHA-256 of the token is kept.
create table postbox_guest_token (
    token_hash  char(64) primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    thread_id   uuid not null references postbox_thread (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    check (expires_at > created_at)
);
create index postbox_guest_token_thread_idx on postbox_guest_token (thread_id);
