-- A ticket's history finds the payments made for it by the payable they name.
create index audit_entry_payable_idx on audit_entry ((coalesce(after ->> 'payable', before ->> 'payable')))
    where subject_type = 'payment';
