-- Payments (capability: payments). A payment settles something payable (a ticket today; permits and
-- citations later), goes through a PSP port, and keeps its full history. Never a card number: tokens only.
create table payment (
    id              text primary key,
    lot_id          text          not null references lot (id),
    payable_kind    text          not null check (payable_kind in ('TICKET')),
    payable_ref     text          not null,
    amount          numeric(14, 4) not null check (amount > 0),
    currency        char(3)       not null,
    method          text          not null check (method in ('CARD', 'E_WALLET', 'CASH')),
    status          text          not null check (status in ('INITIATED', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'REFUNDED')),
    psp             text          not null,
    psp_reference   text,
    failure_reason  text,
    idempotency_key text          not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    unique (payable_kind, idempotency_key)
);
create index payment_payable_idx on payment (payable_kind, payable_ref);

create table payment_history (
    payment_id text        not null references payment (id),
    seq        int         not null,
    status     text        not null,
    at         timestamptz not null,
    detail     text,
    primary key (payment_id, seq)
);
