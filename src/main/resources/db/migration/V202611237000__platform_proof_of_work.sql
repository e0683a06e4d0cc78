-- Solved proof-of-work challenges, kept until they expire, so that one solution is
-- accepted only once (the primary key decides between two nodes racing).
create table proof_of_work_used (
    challenge_hash text primary key,
    expires_at     timestamptz not null
);

create index proof_of_work_used_expiry on proof_of_work_used (expires_at);
