-- A route's service task must not overwrite "Rückfrage" while the question is open: the status it
-- sets is held on the open question and applied when the applicant answers. Only CLOSED goes through.
alter table case_question add column held_status text
    check (held_status is null or held_status in ('RECEIVED', 'IN_PROGRESS', 'DECIDED', 'READY_FOR_PICKUP'));
