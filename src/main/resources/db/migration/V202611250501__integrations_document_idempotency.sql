-- Documents a specialist system added to cases, by the Idempotency-Key of the request: a retried POST
-- with the same key finds the document of the first one instead of filing a second. The request's
-- hash tells a retry from a different request that reuses the key.
create table integration_document_request (
    system_id        uuid not null references integration_system (id) on delete cascade,
    idempotency_key  text not null check (length(idempotency_key) between 1 and 200),
    case_id          uuid not null,
    request_hash     char(64) not null,
    document_id      uuid,
    sha256           char(64),
    created_at       timestamptz not null,
    primary key (system_id, idempotency_key),
    check ((document_id is null) = (sha256 is null))
);
