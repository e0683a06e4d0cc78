-- Rückfragen: a clerk asks the applicant for information or documents through a postbox
-- thread (topic case:<id>) with a reply-by day. At most one question of a case is open.
create table case_question (
    id                  uuid primary key,
    case_id             uuid not null references case_file (id) on delete cascade,
    -- the postbox thread; no foreign key: the postbox module owns that table
    thread_id           uuid not null unique,
    asked_by_staff_id   uuid,
    asked_by_name       text not null check (length(asked_by_name) between 1 and 300),
    asked_at            timestamptz not null,
    reply_by            date not null,
    answered_at         timestamptz,
    answer_message_id   uuid,
    answer_attachments  int check (answer_attachments >= 0),
    -- when the lapse was noted (history entry written once)
    lapsed_at           timestamptz,
    check ((answered_at is null) = (answer_message_id is null)),
    check ((answered_at is null) = (answer_attachments is null)),
    check (answered_at is null or answered_at >= asked_at)
);
create unique index case_question_one_open_idx on case_question (case_id) where answered_at is null;
create index case_question_lapse_idx on case_question (reply_by) where answered_at is null and lapsed_at is null;

-- Retention: a case past retain_until loses its answers, attachments and applicant data;
-- the reference, dates, status and result stay for statistics.
alter table case_file add column anonymised_at timestamptz;
alter table case_file add constraint case_file_anonymised_closed check (anonymised_at is null or status = 'CLOSED');
create index case_file_retention_idx on case_file (retain_until) where retain_until is not null and anonymised_at is null;
