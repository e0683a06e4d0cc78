-- The audit chain without a global lock (see AuditChain). Entries are appended concurrently
-- with only the SHA-256 of their own content in audit_log.hash (previous_hash stays null) and a
-- row in audit_pending. A single sealer then chains the committed entries in the order it sees
-- them: one audit_seal row per entry, whose hash covers the entry's content hash and the seal
-- before. Entries written before this migration keep their old chain (previous_hash set); the
-- first seal continues from its last hash.
alter table audit_log alter column previous_hash drop not null;

create table audit_pending (
    entry_id bigint primary key
);

create table audit_seal (
    seal_no        bigint primary key,
    entry_id       bigint not null unique,
    entry_hash     char(64) not null,
    previous_hash  char(64) not null,
    hash           char(64) not null unique,
    sealed_at      timestamptz not null
);

create trigger audit_seal_no_update before update or delete or truncate on audit_seal
    for each statement execute function audit_log_is_append_only();
