-- Uploaded processing routes (BPMN 2.0) of a case type in one municipality, versioned. A draft can be
-- dry-run; publishing deploys it to the engine and retires the previously published version. Cases
-- keep the process definition they started with (the engine binds an instance to its definition).
create table case_route (
    id                     uuid primary key default gen_random_uuid(),
    case_type_id           uuid not null references case_type (id) on delete cascade,
    -- a portal-wide case type gets its own routes per municipality
    municipality_id        uuid not null references municipality (id) on delete cascade,
    version                int not null check (version >= 1),
    state                  text not null check (state in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    file_name              text not null check (length(file_name) between 1 and 255),
    bpmn_xml               text not null check (length(bpmn_xml) between 1 and 1000000),
    process_key            text not null check (length(process_key) between 1 and 255),
    process_name           text,
    uploaded_by            text not null,
    uploaded_at            timestamptz not null,
    published_at           timestamptz,
    retired_at             timestamptz,
    deployment_id          text,
    process_definition_id  text,
    unique (case_type_id, municipality_id, version),
    check ((state = 'DRAFT') = (published_at is null)),
    check ((state = 'DRAFT') = (process_definition_id is null)),
    check ((state = 'DRAFT') = (deployment_id is null)),
    check ((state = 'RETIRED') = (retired_at is not null))
);
-- at most one published route per case type and municipality
create unique index case_route_published_idx on case_route (case_type_id, municipality_id)
    where state = 'PUBLISHED';
