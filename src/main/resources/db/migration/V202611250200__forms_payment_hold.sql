-- Fee before submission: the submission is stored exactly once, but held until its fee is
-- booked (no FormSubmitted, no case yet); unpaid ones expire after amtsweg.forms.payment-hold.
alter table form_submission
    add column payment_hold text check (payment_hold in ('AWAITING_PAYMENT', 'EXPIRED')),
    add column payment_hold_until timestamptz,
    add constraint form_submission_payment_hold_until check ((payment_hold is null) = (payment_hold_until is null));

create index form_submission_payment_hold_idx on form_submission (payment_hold_until)
    where payment_hold = 'AWAITING_PAYMENT';
