-- The mail room finds a case by the submission reference a letter quotes (the number on the applicant's receipt).
create index case_file_submission_reference_idx on case_file (municipality_id, submission_reference);
