-- Form submissions per client in fixed one-hour windows, against mass submissions. The key is
-- the kind of limit and the SHA-256 of the client's address: no addresses are stored.
create table form_rate_limit (
    key               text primary key check (key ~ '^[a-z-]+:[0-9a-f]{64}$'),
    window_started_at timestamptz not null,
    attempts          integer not null check (attempts > 0)
);
create index form_rate_limit_window_idx on form_rate_limit (window_started_at);
