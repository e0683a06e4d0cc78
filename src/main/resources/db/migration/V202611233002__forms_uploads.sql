-- Files attached to a draft and, once submitted, to its submission. The bytes live in the blob
-- store under their SHA-256; this row says whose they are and what they were called.
create table form_upload (
    id             uuid primary key default gen_random_uuid(),
    draft_id       uuid references form_draft (id) on delete cascade,
    submission_id  uuid references form_submission (id),
    field_id       text not null,
    file_name      text not null check (length(file_name) between 1 and 255),
    -- detected from the content, never taken from the name or the browser
    content_type   text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     bigint not null check (size_bytes > 0),
    blob_address   char(64) not null check (blob_address ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz not null,
    check (draft_id is not null or submission_id is not null)
);
create index form_upload_draft_idx on form_upload (draft_id) where draft_id is not null;
create index form_upload_submission_idx on form_upload (submission_id) where submission_id is not null;
create index form_upload_blob_idx on form_upload (blob_address);
