-- Testbetrieb: a draft route version runs on test cases before it is published. Test cases live in
-- their own tables, never in case_file, so nothing that reads real cases (inboxes, search, deadline
-- lists, reminders, the specialist-system API and its change feed, webhooks, applicant status,
-- retention, statistics, the e-file) can see them. Their process instances run in their own engine
-- tenant, so starting real cases by process key never picks the draft.
create table case_test_run (
    id                     uuid primary key default gen_random_uuid(),
    route_id               uuid not null references case_route (id) on delete cascade,
    municipality_id        uuid not null references municipality (id) on delete cascade,
    state                  text not null check (state in ('OPEN', 'PROMOTED', 'DISCARDED')),
    deployment_id          text not null,
    process_definition_id  text not null,
    started_by             text not null,
    started_at             timestamptz not null,
    ended_by               text,
    ended_at               timestamptz,
    check ((state = 'OPEN') = (ended_at is null)),
    check ((state = 'OPEN') = (ended_by is null))
);
-- one open test run per route version; promoted and discarded runs stay as a record
create unique index case_test_run_open_idx on case_test_run (route_id) where state = 'OPEN';
create index case_test_run_route_idx on case_test_run (route_id, started_at desc);

create table case_test_case (
    id                     uuid primary key default gen_random_uuid(),
    run_id                 uuid not null references case_test_run (id) on delete cascade,
    municipality_id        uuid not null references municipality (id) on delete cascade,
    number                 int not null check (number >= 1),
    applicant_name         text not null default '' check (length(applicant_name) <= 200),
    org_unit_id            uuid not null references org_unit (id) on delete cascade,
    data                   jsonb not null,
    source_reference       text,
    status                 text not null check (status in ('RECEIVED', 'IN_PROGRESS', 'INFORMATION_REQUESTED',
                                                           'DECIDED', 'READY_FOR_PICKUP', 'CLOSED')),
    result                 text check (result in ('APPROVED', 'REJECTED', 'WITHDRAWN')),
    reason                 text,
    process_instance_id    text,
    created_by             text not null,
    created_at             timestamptz not null,
    -- set when its route ends, or when the test run is promoted (then it is kept read-only)
    ended_at               timestamptz,
    unique (run_id, number)
);
create index case_test_case_process_idx on case_test_case (process_instance_id);

-- What happened to a test case, including every message, notice or payment request its route would
-- have sent to the applicant (recorded here instead of being sent).
create table case_test_event (
    id              bigint generated always as identity primary key,
    test_case_id    uuid not null references case_test_case (id) on delete cascade,
    at              timestamptz not null,
    kind            text not null,
    actor_name      text not null,
    details         text not null default ''
);
create index case_test_event_case_idx on case_test_event (test_case_id, id);
