-- A role fits its member: a municipality's staff hold roles in org units of their own
-- municipality (or, like ADMIN, for the whole municipality); the portal's operators (staff
-- without municipality) hold PORTAL_ADMIN only, and only for the whole portal. The staff
-- pages offer nothing else; this is the guarantee.
create function staff_role_fits_member() returns trigger language plpgsql as $$
declare
    member_municipality uuid;
    unit_municipality uuid;
begin
    select municipality_id into member_municipality from staff_account where id = new.staff_id;
    if new.role = 'PORTAL_ADMIN' then
        if member_municipality is not null or new.org_unit_id is not null then
            raise exception 'PORTAL_ADMIN is held by staff without municipality, for the whole portal'
                using errcode = 'check_violation';
        end if;
        return new;
    end if;
    if member_municipality is null then
        raise exception 'staff without municipality hold PORTAL_ADMIN only' using errcode = 'check_violation';
    end if;
    if new.org_unit_id is not null then
        select municipality_id into unit_municipality from org_unit where id = new.org_unit_id;
        if unit_municipality is distinct from member_municipality then
            raise exception 'org unit % belongs to another municipality than staff member %',
                new.org_unit_id, new.staff_id using errcode = 'check_violation';
        end if;
    end if;
    return new;
end;
$$;

create trigger staff_role_fits_member before insert or update on staff_role
    for each row execute function staff_role_fits_member();

-- The staff pages list a municipality's staff.
create index staff_account_municipality_idx on staff_account (municipality_id);
