-- Form definitions per municipality, in versions. A version is edited while it is a DRAFT and
-- frozen once PUBLISHED: submissions point to the exact version they were filled with.
create table form (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id) on delete cascade,
    key              text not null check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    created_at       timestamptz not null default now(),
    unique (municipality_id, key)
);

create table form_version (
    id            uuid primary key default gen_random_uuid(),
    form_id       uuid not null references form (id) on delete cascade,
    version       int not null check (version > 0),
    -- json (not jsonb) keeps the author's formatting and key order for the editor
    definition    json not null check (json_typeof(definition) = 'object'),
    title         text not null,
    status        text not null check (status in ('DRAFT', 'PUBLISHED')),
    -- where it came from: editor, fim (XDatenfelder import), shared (import from another municipality), demo
    origin        text not null default 'editor' check (origin in ('editor', 'fim', 'shared', 'demo')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    published_at  timestamptz,
    unique (form_id, version),
    check ((status = 'PUBLISHED') = (published_at is not null))
);
-- at most one version of a form is being edited at a time
create unique index form_version_one_draft_idx on form_version (form_id) where status = 'DRAFT';

create function form_version_published_is_frozen() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' then
        raise exception 'form version % is published and can no longer be changed', old.id
            using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger form_version_frozen before update or delete on form_version
    for each row execute function form_version_published_is_frozen();
