-- Append-only audit log. Each entry carries the SHA-256 of its content and of the entry before
-- it, so that a changed or deleted row breaks the chain (see AuditLog.verify).
create table audit_log (
    id               bigint primary key,
    occurred_at      timestamptz not null,
    actor            text not null,
    action           text not null,
    record_type      text not null,
    record_id        text not null,
    municipality_id  uuid,
    details          text not null default '',
    previous_hash    char(64) not null,
    hash             char(64) not null unique
);
create sequence audit_log_id_seq;
create index audit_log_record_idx on audit_log (record_type, record_id);
create index audit_log_actor_idx on audit_log (actor);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();
