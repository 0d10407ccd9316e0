-- Appeals (capability: appeals): a parker contests a citation; an adjudicator decides, with a reason.

create table appeal (
    id             text primary key,
    citation_id    text           not null references citation (id),
    lot_id         text           not null references lot (id),
    status         text           not null check (status in ('SUBMITTED', 'DECIDED')),
    statement      text           not null check (length(btrim(statement)) between 10 and 4000),
    submitted_by   text           not null,
    submitted_at   timestamptz    not null,
    decision       text           check (decision in ('UPHELD', 'REDUCED', 'CANCELLED')),
    decision_reason text,
    new_amount     numeric(14, 4) check (new_amount is null or new_amount >= 0),
    refunded       numeric(14, 4) not null default 0,
    decided_by     text,
    decided_at     timestamptz,
    check ((status = 'DECIDED') = (decision is not null)),
    check (decision is null or (decision_reason is not null and decided_by is not null and decided_at is not null)),
    check ((decision = 'REDUCED') = (new_amount is not null))
);
-- One undecided appeal per citation at a time.
create unique index appeal_one_open_idx on appeal (citation_id) where status = 'SUBMITTED';
create index appeal_citation_idx on appeal (citation_id);
create index appeal_queue_idx on appeal (lot_id, submitted_at) where status = 'SUBMITTED';

create table appeal_evidence (
    id           text primary key,
    appeal_id    text        not null references appeal (id),
    content_type text        not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes   int         not null check (size_bytes between 1 and 5242880),
    sha256       bytea       not null check (length(sha256) = 32),
    file_name    text,
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index appeal_evidence_appeal_idx on appeal_evidence (appeal_id);

-- What the parker is told. Recorded here; delivery (e-mail, SMS, post) is a later integration.
create table appeal_notification (
    id         text primary key,
    appeal_id  text        not null references appeal (id),
    message    text        not null,
    created_at timestamptz not null,
    delivered_at timestamptz
);
create index appeal_notification_appeal_idx on appeal_notification (appeal_id);
