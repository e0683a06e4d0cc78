-- The e-file search per org unit (bench/documents.sh, bench/documents/README.md). The reader's rights
-- are the file's org unit; the words are on the version. With the unit only on the file, a word in
-- most documents matched every version of the municipality before the unit filter could apply. Each
-- version now carries its file's municipality and org unit, and one GIN index over (org_unit_id,
-- search) (btree_gin gives uuid a GIN operator class) intersects the unit's entries with the word's.
-- It replaces document_version_search_idx (a GIN index serves a condition on one of its columns
-- alone as well), so an upload still maintains one text index.
--
-- DocumentSearch uses both: a word in most of a unit's documents is read from the unit's newest
-- versions (the index order below), a rarer one from the text index.
--
-- Kept right by the database: a version takes its file's unit when it is inserted (the insert in
-- DocumentRepository names it; the trigger below refuses a wrong one), and a file that moves to
-- another unit or a document that moves to another file moves its versions along (triggers).
--
-- Cost: one pass over document_version and one index build, in the migration's transaction (uploads
-- wait for it): at 100,000 documents (bench/documents.sh) about 10-20 s on a quiet 2-core machine
-- (the backfill and the build, measured 2026-11-23 under load 13: see the README).
create extension if not exists btree_gin;

alter table document_version add column municipality_id uuid references municipality (id),
                             add column org_unit_id uuid references org_unit (id);
update document_version v set municipality_id = f.municipality_id, org_unit_id = f.org_unit_id
  from document d join document_file f on f.id = d.file_id
 where d.id = v.document_id;
alter table document_version alter column municipality_id set not null,
                             alter column org_unit_id set not null;

create function document_version_unit_check() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from document d join document_file f on f.id = d.file_id
                    where d.id = new.document_id and f.municipality_id = new.municipality_id
                      and f.org_unit_id = new.org_unit_id) then
        raise exception 'document version % must carry its file''s municipality and org unit', new.id;
    end if;
    return new;
end $$;
create trigger document_version_unit_check before insert or update of document_id, municipality_id, org_unit_id
    on document_version for each row execute function document_version_unit_check();

create function document_file_unit_moved() returns trigger language plpgsql as $$
begin
    update document_version v set municipality_id = new.municipality_id, org_unit_id = new.org_unit_id
      from document d
     where d.file_id = new.id and v.document_id = d.id;
    return null;
end $$;
create trigger document_file_unit_moved after update of municipality_id, org_unit_id on document_file
    for each row when (old.municipality_id is distinct from new.municipality_id
                       or old.org_unit_id is distinct from new.org_unit_id)
    execute function document_file_unit_moved();

create function document_moved_to_file() returns trigger language plpgsql as $$
begin
    update document_version v set municipality_id = f.municipality_id, org_unit_id = f.org_unit_id
      from document_file f
     where f.id = new.file_id and v.document_id = new.id;
    return null;
end $$;
create trigger document_moved_to_file after update of file_id on document
    for each row when (old.file_id is distinct from new.file_id)
    execute function document_moved_to_file();

create index document_version_unit_search_idx on document_version using gin (org_unit_id, search);
drop index document_version_search_idx;
-- A unit's versions newest first: a word in most of them is found by reading the newest few.
create index document_version_unit_created_idx on document_version (org_unit_id, created_at desc, id);
