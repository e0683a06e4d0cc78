-- Rate limits of account actions that anyone can trigger (registrations, mails with links),
-- counted in fixed windows per key. The key holds a SHA-256 of the client address or e-mail
-- address, never the address itself. In the database, so that every node counts the same.
create table account_rate_limit (
    key                text primary key,
    window_started_at  timestamptz not null,
    attempts           int not null check (attempts > 0)
);

-- The scheduled job deletes accounts left unconfirmed; it finds them by this index.
create index citizen_account_unconfirmed_idx on citizen_account (created_at) where email_confirmed_at is null;

create index account_token_expiry_idx on account_token (expires_at);

-- An organisation that has members always keeps at least one admin: the last admin can
-- neither leave nor be demoted nor be removed (nor delete their account) while others remain.
-- The services say so politely; this is the guarantee.
create function organisation_keeps_an_admin() returns trigger language plpgsql as $$
begin
    if exists (select 1 from organisation_member where organisation_id = old.organisation_id)
       and not exists (select 1 from organisation_member
                       where organisation_id = old.organisation_id and role = 'ADMIN') then
        raise exception 'organisation % would be left without an admin', old.organisation_id
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

create constraint trigger organisation_member_keeps_an_admin
    after update or delete on organisation_member
    for each row execute function organisation_keeps_an_admin();

alter table organisation_account
    add constraint organisation_account_email_check check (email = '' or position('@' in email) > 1);
