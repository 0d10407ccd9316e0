-- Payments that never charge twice (capability: payments). A payment is INITIATED in its own committed transaction
-- before the PSP is called, so a crash at any later step leaves a row that a retry or the reconciler finishes by
-- asking the PSP with the same idempotency key. Refunds are rows of their own.
alter table payment
    add column authorized_at   timestamptz,
    add column captured_at     timestamptz,
    add column refunded_amount numeric(14, 4) not null default 0,
    -- the payable was handed over (the vehicle left) while this payment's capture was still pending
    add column released_at     timestamptz,
    -- CASH only: who took the money, 'OPERATOR:<id>' or 'PAY_STATION:<device id>'
    add column collected_by    text;
-- Payments made before this migration: their last update was their capture; their cash collector is unknown.
update payment set captured_at = updated_at where status in ('CAPTURED', 'REFUNDED');
update payment set refunded_amount = amount where status = 'REFUNDED';
update payment set collected_by = 'OPERATOR:unknown' where method = 'CASH';
alter table payment
    add constraint payment_refunds_within_amount check (refunded_amount >= 0 and refunded_amount <= amount),
    add constraint payment_captured_has_time check (status not in ('CAPTURED', 'REFUNDED') or captured_at is not null),
    add constraint payment_cash_has_collector check ((method = 'CASH') = (collected_by is not null));

-- The reconciler's queue: payments whose outcome Parkline does not know yet.
create index payment_unfinished_idx on payment (updated_at) where status in ('INITIATED', 'AUTHORIZED');
-- The reconciliation report: a lot's captures of a day, and the payments released at exit while pending.
create index payment_captured_idx on payment (lot_id, captured_at) where captured_at is not null;
create index payment_released_idx on payment (lot_id, released_at) where released_at is not null;
-- Matching the PSP's records back to payments; one PSP charge is one Parkline payment.
create unique index payment_psp_reference_idx on payment (psp, psp_reference) where psp_reference is not null;

create table payment_refund (
    id              text primary key,
    seq             bigint         generated always as identity, -- the order refunds were asked for
    payment_id      text           not null references payment (id),
    lot_id          text           not null references lot (id),
    amount          numeric(14, 4) not null check (amount > 0),
    currency        char(3)        not null,
    reason          text           not null check (length(btrim(reason)) > 0),
    status          text           not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    -- the role the refund policy requires for this amount (OPERATOR up to the limit, ADMIN above)
    approval_role   text           not null check (approval_role in ('OPERATOR', 'ADMIN')),
    idempotency_key text           not null,
    psp_reference   text,
    failure_reason  text,
    created_at      timestamptz    not null,
    completed_at    timestamptz,
    unique (payment_id, idempotency_key)
);
create index payment_refund_pending_idx on payment_refund (created_at) where status = 'PENDING';
