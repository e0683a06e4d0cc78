-- Inbox with a million cases (bench/cases.sh): the open cases of a unit newest first straight
-- from an index (the older open index has the status between unit and date, so every open case
-- of the unit was sorted), and the form filter's distinct form keys by a skip scan.
create index case_file_open_inbox_idx on case_file (org_unit_id, submitted_at desc, id) where status <> 'CLOSED';
create index case_file_unit_form_idx on case_file (org_unit_id, form_key);
