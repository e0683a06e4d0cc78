-- Case reference numbers (VG-2026-000123) from a sequence per municipality and year, created on
-- first use, instead of the row of case_reference_counter that every case opening locked until its
-- commit. Numbers never repeat; a number drawn by an opening that rolls back is lost (gaps are
-- allowed). case_reference_counter keeps the numbers issued before; a new sequence starts after them.
create function case_next_reference(municipality uuid, year int) returns bigint
language plpgsql as $$
declare
    sequence_name text := 'case_reference_' || replace(municipality::text, '-', '') || '_' || year;
    start_with    bigint;
begin
    if year not between 2000 and 2999 then
        raise exception 'year % out of range', year using errcode = 'check_violation';
    end if;
    if to_regclass(sequence_name) is null then
        select coalesce(max(c.last_number), 0) + 1 into start_with
        from case_reference_counter c where c.municipality_id = municipality and c.year = case_next_reference.year;
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
