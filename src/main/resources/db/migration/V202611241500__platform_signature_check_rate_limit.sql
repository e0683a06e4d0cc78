-- Checks of signed documents on the public verification page per client (hashed address)
-- and fixed window, so that every node counts alike.
create table signature_check_rate_limit (
    key               text primary key,
    window_started_at timestamptz not null,
    attempts          integer not null check (attempts > 0)
);
