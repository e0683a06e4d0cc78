-- Reference numbers (MUS-2026-000123) come from a sequence per municipality and year instead of
-- the row of form_reference_counter: nextval takes no lock that lasts until commit, so concurrent
-- submissions of one municipality no longer wait for each other. A sequence never hands out a
-- number twice; a number drawn by a submission that rolls back is lost, so there may be gaps
-- (allowed: the number identifies a submission, it does not count them).
--
-- The sequence of a year is created on first use. Its name is derived from the municipality's id
-- and the year, so no table of sequences is needed. form_reference_counter keeps the numbers issued
-- before this migration; a new sequence starts after them and the table is no longer written.
create function form_next_reference(municipality uuid, year int) returns bigint
language plpgsql as $$
declare
    sequence_name text := 'form_reference_' || replace(municipality::text, '-', '') || '_' || year;
    start_with    bigint;
begin
    if year not between 2000 and 2999 then
        raise exception 'year % out of range', year using errcode = 'check_violation';
    end if;
    if to_regclass(sequence_name) is null then
        select coalesce(max(c.last_number), 0) + 1 into start_with
        from form_reference_counter c where c.municipality_id = municipality and c.year = form_next_reference.year;
        begin
            execute format('create sequence %I as bigint minvalue 1 start with %s', sequence_name, start_with);
        exception when duplicate_table or unique_violation then
            -- a concurrent transaction created it first (and has committed: the create waited for it)
            null;
        end;
    end if;
    return nextval(sequence_name);
end
$$;
