-- Claims (Forderungen), their due items, payments, bookings and the clarification list.
-- Money is numeric(12,2) in EUR throughout. Every booking of money is a row in
-- payment_booking; the unique keys there are what makes a payment count exactly once.

create sequence payment_reference_seq start with 1000 increment by 1;

create table payment_claim (
    id                     uuid primary key,
    municipality_id        uuid not null references municipality (id),
    reference              varchar(34) not null unique check (reference ~ '^[0-9]{6,34}$'),
    debtor_account_id      uuid,
    debtor_organisation_id uuid,
    debtor_name            varchar(200) not null check (length(trim(debtor_name)) > 0),
    debtor_email           varchar(254) not null default '',
    purpose                varchar(300) not null check (length(trim(purpose)) > 0),
    amount                 numeric(12, 2) not null check (amount > 0),
    paid_amount            numeric(12, 2) not null default 0 check (paid_amount >= 0 and paid_amount <= amount),
    status                 varchar(16) not null
        check (status in ('OPEN', 'PARTLY_PAID', 'PAID', 'CANCELLED', 'REFUNDED')),
    notice_blob            varchar(64) check (notice_blob ~ '^[0-9a-f]{64}$'),
    origin_type            varchar(16) not null check (origin_type in ('FORM', 'CASE', 'IMPORT', 'REMINDER', 'MANUAL')),
    origin_ref             varchar(200) not null,
    parent_claim_id        uuid references payment_claim (id),
    pay_token              varchar(64) not null unique,
    status_reason          varchar(500) not null default '',
    created_at             timestamptz not null,
    changed_at             timestamptz not null,
    check (debtor_account_id is null or debtor_organisation_id is null),
    check (status <> 'OPEN' or paid_amount = 0),
    check (status <> 'PARTLY_PAID' or (paid_amount > 0 and paid_amount < amount)),
    check (status <> 'PAID' or paid_amount = amount),
    check (status not in ('CANCELLED', 'REFUNDED') or paid_amount = 0),
    check (status <> 'CANCELLED' or length(trim(status_reason)) > 0),
    check (status <> 'REFUNDED' or length(trim(status_reason)) > 0),
    check (origin_type <> 'REMINDER' or parent_claim_id is not null)
);

-- One claim per form submission and per imported row: listeners and imports may repeat.
create unique index payment_claim_one_per_origin on payment_claim (origin_type, origin_ref)
    where origin_type in ('FORM', 'IMPORT', 'CASE');
create index payment_claim_account on payment_claim (debtor_account_id) where debtor_account_id is not null;
create index payment_claim_organisation on payment_claim (debtor_organisation_id)
    where debtor_organisation_id is not null;
create index payment_claim_municipality_status on payment_claim (municipality_id, status);

-- Each claim is due in one or more items (a single due date is one item; dog tax has four).
create table payment_due_item (
    claim_id    uuid not null references payment_claim (id) on delete cascade,
    number      int not null check (number >= 1),
    due_date    date not null,
    amount      numeric(12, 2) not null check (amount > 0),
    paid_amount numeric(12, 2) not null default 0 check (paid_amount >= 0 and paid_amount <= amount),
    primary key (claim_id, number),
    unique (claim_id, due_date)
);

-- The due items add up to the claim, checked at commit so both can be written in one
-- transaction.
create function payment_due_items_add_up() returns trigger language plpgsql as $$
declare
    checked uuid;
    claim_amount numeric(12, 2);
    claim_paid numeric(12, 2);
    items_amount numeric(12, 2);
    items_paid numeric(12, 2);
begin
    if tg_table_name = 'payment_due_item' then
        if tg_op = 'DELETE' then
            checked := old.claim_id;
        else
            checked := new.claim_id;
        end if;
    else
        checked := new.id;
    end if;
    select amount, paid_amount into claim_amount, claim_paid from payment_claim where id = checked;
    if claim_amount is null then
        return null;
    end if;
    select coalesce(sum(amount), 0), coalesce(sum(paid_amount), 0) into items_amount, items_paid
        from payment_due_item where claim_id = checked;
    if items_amount <> claim_amount then
        raise exception 'due items of claim % add up to %, not %', checked, items_amount, claim_amount
            using errcode = '23514';
    end if;
    if items_paid <> claim_paid then
        raise exception 'paid due items of claim % add up to %, not %', checked, items_paid, claim_paid
            using errcode = '23514';
    end if;
    return null;
end $$;

create constraint trigger payment_claim_items_add_up after insert or update on payment_claim
    deferrable initially deferred for each row execute function payment_due_items_add_up();
create constraint trigger payment_due_item_adds_up after insert or update or delete on payment_due_item
    deferrable initially deferred for each row execute function payment_due_items_add_up();

-- An attempt to pay a claim online through a provider.
create table payment (
    id                      uuid primary key,
    claim_id                uuid not null references payment_claim (id),
    municipality_id         uuid not null references municipality (id),
    provider                varchar(32) not null,
    provider_transaction_id varchar(100),
    amount                  numeric(12, 2) not null check (amount > 0),
    status                  varchar(16) not null
        check (status in ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    method                  varchar(32) not null default '',
    started_by_account_id   uuid,
    created_at              timestamptz not null,
    changed_at              timestamptz not null,
    unique (provider, provider_transaction_id)
);
create index payment_claim_idx on payment (claim_id);

-- Money that arrived (positive) or went back (negative). A payment is booked at most once,
-- a bank statement entry at most once; that is the guarantee against double amounts.
create table payment_booking (
    id              uuid primary key,
    claim_id        uuid not null references payment_claim (id),
    municipality_id uuid not null references municipality (id),
    payment_id      uuid unique references payment (id),
    source          varchar(16) not null check (source in ('ONLINE', 'BANK', 'REFUND', 'CLARIFIED')),
    external_ref    varchar(200) not null,
    amount          numeric(12, 2) not null check (amount <> 0),
    booked_at       timestamptz not null,
    note            varchar(500) not null default '',
    unique (source, external_ref),
    check ((source = 'REFUND') = (amount < 0)),
    check (source <> 'ONLINE' or payment_id is not null)
);
create index payment_booking_claim on payment_booking (claim_id);
create index payment_booking_day on payment_booking (municipality_id, booked_at);

-- Money we received but could not book: unknown Kassenzeichen, claim already settled or
-- cancelled, amount too high. Finance staff clarify each one; nothing is lost.
create table payment_clarification (
    id              uuid primary key,
    municipality_id uuid references municipality (id),
    source          varchar(16) not null check (source in ('ONLINE', 'BANK')),
    external_ref    varchar(200) not null,
    payment_id      uuid references payment (id),
    claim_id        uuid references payment_claim (id),
    given_reference varchar(200) not null default '',
    payer           varchar(200) not null default '',
    amount          numeric(12, 2) not null check (amount > 0),
    reason          varchar(32) not null
        check (reason in ('UNKNOWN_REFERENCE', 'CLAIM_SETTLED', 'CLAIM_CANCELLED', 'AMOUNT_TOO_HIGH')),
    status          varchar(16) not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
    resolution      varchar(500) not null default '',
    received_at     timestamptz not null,
    resolved_at     timestamptz,
    unique (source, external_ref),
    check ((status = 'RESOLVED') = (resolved_at is not null))
);
create index payment_clarification_open on payment_clarification (municipality_id) where status = 'OPEN';

-- Every notification a provider sent us, valid or not, for tracing.
create table payment_notification (
    id              uuid primary key,
    provider        varchar(32) not null,
    received_at     timestamptz not null,
    signature_valid boolean not null,
    transaction_id  varchar(100) not null default '',
    body            text not null
);

-- The sandbox provider's own transactions (it stands for an external payment platform).
create table payment_sandbox_transaction (
    id               varchar(40) primary key,
    amount           numeric(12, 2) not null check (amount > 0),
    purpose          varchar(300) not null,
    reference        varchar(34) not null,
    return_url       varchar(1000) not null,
    notify_url       varchar(1000) not null,
    status           varchar(16) not null check (status in ('INITIAL', 'PAID', 'FAILED', 'CANCELLED')),
    method           varchar(16) not null default '',
    notify_late      boolean not null default false,
    notified_at      timestamptz,
    completed_at     timestamptz,
    created_at       timestamptz not null
);

-- Guest look-ups by Kassenzeichen, counted per client address.
create table payment_lookup_attempt (
    client     varchar(64) not null,
    at         timestamptz not null
);
create index payment_lookup_attempt_client on payment_lookup_attempt (client, at);
