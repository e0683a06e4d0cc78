-- One fixed-window counter for the rate limits of every module (platform.RateLimits): a
-- row per limit name and hashed subject (no addresses are stored). Replaces the tables
-- each module kept for the same upsert; their counts are short-lived and are not copied.
create table rate_limit (
    name              text not null check (name ~ '^[a-z][a-z0-9.-]*$'),
    subject           char(64) not null check (subject ~ '^[0-9a-f]{64}$'),
    window_started_at timestamptz not null,
    window_ends_at    timestamptz not null check (window_ends_at > window_started_at),
    attempts          int not null check (attempts > 0),
    primary key (name, subject)
);

create index rate_limit_window_ends_at on rate_limit (window_ends_at);

drop table account_rate_limit;
drop table appointment_rate_limit;
drop table case_status_rate_limit;
drop table signature_check_rate_limit;
drop table integration_rate_limit;
