-- A staff member marked absent, with the colleague who deputises (Vertretung). While the row
-- exists, the cases assigned to the absent member show in the deputy's inbox.
create table staff_absence (
    staff_id    uuid primary key references staff_account (id) on delete cascade,
    deputy_id   uuid not null references staff_account (id) on delete cascade,
    set_by      uuid not null,
    set_at      timestamptz not null,
    check (deputy_id <> staff_id)
);
create index staff_absence_deputy_idx on staff_absence (deputy_id);
