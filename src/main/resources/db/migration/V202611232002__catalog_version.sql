-- Every change to what the finder searches moves this sequence on, so each node can tell that its
-- cached search results are out of date (see FinderCache). The triggers are deferred to the end of
-- the changing transaction, so the version moves as late as possible before the change becomes
-- visible.
create sequence catalog_version;

create function catalog_version_touch() returns trigger language plpgsql as $$
begin
    perform nextval('catalog_version');
    return null;
end;
$$;

create constraint trigger catalog_version_service after insert or update or delete on catalog_service
    deferrable initially deferred for each row execute function catalog_version_touch();
create constraint trigger catalog_version_activity after insert or update or delete on catalog_activity
    deferrable initially deferred for each row execute function catalog_version_touch();
create constraint trigger catalog_version_life_situation after insert or update or delete on catalog_service_life_situation
    deferrable initially deferred for each row execute function catalog_version_touch();
create constraint trigger catalog_version_offering after insert or update or delete on catalog_offering
    deferrable initially deferred for each row execute function catalog_version_touch();
create constraint trigger catalog_version_offering_activity after insert or update or delete on catalog_offering_activity
    deferrable initially deferred for each row execute function catalog_version_touch();
create constraint trigger catalog_version_synonym after insert or update or delete on catalog_synonym
    deferrable initially deferred for each row execute function catalog_version_touch();
create constraint trigger catalog_version_compound_part after insert or update or delete on catalog_compound_part
    deferrable initially deferred for each row execute function catalog_version_touch();
