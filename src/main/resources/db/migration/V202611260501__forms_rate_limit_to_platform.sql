-- Form submissions are counted by the platform's one rate limiter (table rate_limit, names
-- form-submission and form-submission-without-proof); the forms module's own table goes.
-- Counts of the running hour are not carried over: a client starts a fresh window.
drop table form_rate_limit;
