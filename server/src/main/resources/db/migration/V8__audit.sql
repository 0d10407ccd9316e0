-- The audit log (capability: audit). Appended in the transaction of each change; never updated or deleted.
create table audit_entry (
    id           bigint generated always as identity primary key,
    at           timestamptz not null,
    actor_kind   text        not null,
    actor_id     text        not null,
    request_id   text,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    lot_id       text,
    before       jsonb,
    after        jsonb
);
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id);
create index audit_entry_lot_at_idx on audit_entry (lot_id, at);
create index audit_entry_at_idx on audit_entry (at);

-- Tamper evidence, computed off the request path: a sealer hashes entries in the order it seals them, each seal
-- covering its entry and the previous seal. Editing, deleting or inserting an entry behind Parkline's back breaks
-- the chain from that point; /v1/audit/verify finds where.
create table audit_seal (
    seq       bigint primary key,
    entry_id  bigint      not null unique references audit_entry (id),
    prev_hash bytea       not null,
    hash      bytea       not null,
    sealed_at timestamptz not null default now()
);

create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only (% refused on %)', tg_op, tg_table_name;
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_append_only();
