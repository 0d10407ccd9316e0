-- Permits (capability: permits). A permit type is what is sold (staff monthly, resident, visitor day pass...);
-- a permit is one sale, linked to plates (never stored in the clear), paid through payments (payable kind PERMIT).

create table permit_type (
    id            text primary key,
    home_lot_id   text           not null references lot (id), -- the lot that sells it: payments and lot scope
    name          text           not null check (length(btrim(name)) between 1 and 100),
    category      text           not null check (category in ('STAFF', 'STUDENT', 'RESIDENT', 'VISITOR', 'DISABLED', 'OTHER')),
    lot_ids       text[]         not null check (cardinality(lot_ids) >= 1), -- where it is valid
    zones         text[]         not null default '{}', -- zone codes where valid; empty: the whole of those lots
    price         numeric(14, 4) not null check (price >= 0),
    currency      char(3)        not null,
    validity      text           not null, -- ISO-8601 period of one term: P1D, P1M, P6M, P1Y
    max_vehicles  int            not null check (max_vehicles between 1 and 10),
    quota         int            check (quota is null or quota >= 0), -- null: unlimited
    -- whole unused days are refunded (PRORATED) or nothing is (NONE)
    refund_policy text           not null check (refund_policy in ('PRORATED', 'NONE')),
    active        boolean        not null default true,
    created_at    timestamptz    not null
);
create index permit_type_lots_idx on permit_type using gin (lot_ids);

create table permit (
    id             text primary key,
    type_id        text        not null references permit_type (id),
    lot_id         text        not null references lot (id), -- the type's home lot
    holder_ref     text        not null, -- the account that holds it, or a reference the operator gave
    status         text        not null
                       check (status in ('PENDING_PAYMENT', 'ACTIVE', 'SUSPENDED', 'REVOKED', 'REFUNDED', 'LAPSED')),
    valid_from     timestamptz not null,
    valid_until    timestamptz not null,
    idempotency_key text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check (valid_until > valid_from)
);
create index permit_type_status_idx on permit (type_id, status);
create unique index permit_idempotency_idx on permit (holder_ref, idempotency_key) where idempotency_key is not null;

-- What was charged for a permit: its first term, then each renewal. A permit owes the sum of its charges (net of
-- refunds) minus what payments captured for it; a charge becomes PAID when that is covered.
create table permit_charge (
    id              text primary key,
    permit_id       text           not null references permit (id),
    kind            text           not null check (kind in ('PURCHASE', 'RENEWAL')),
    amount          numeric(14, 4) not null check (amount >= 0),
    refunded_amount numeric(14, 4) not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
    status          text           not null check (status in ('DUE', 'PAID', 'CANCELLED')),
    term_from       timestamptz    not null,
    term_until      timestamptz    not null,
    created_at      timestamptz    not null,
    paid_at         timestamptz
);
create index permit_charge_permit_idx on permit_charge (permit_id);
-- at most one unpaid charge per permit: a renewal waits until the purchase is paid
create unique index permit_charge_one_due_idx on permit_charge (permit_id) where status = 'DUE';

-- The vehicles of a permit. A transfer ends one row and starts another, so the history is kept.
create table permit_vehicle (
    permit_id    text        not null references permit (id),
    plate_hmac   bytea       not null,
    plate_cipher bytea       not null,
    plate_key_id text        not null,
    added_at     timestamptz not null,
    removed_at   timestamptz
);
-- The plate check's first step: which permits name this plate now.
create index permit_vehicle_plate_idx on permit_vehicle (plate_hmac) where removed_at is null;
create index permit_vehicle_permit_idx on permit_vehicle (permit_id);
create index permit_vehicle_plate_history_idx on permit_vehicle (plate_hmac, added_at);

create table permit_waitlist (
    id          text primary key,
    type_id     text        not null references permit_type (id),
    holder_ref  text        not null,
    status      text        not null check (status in ('WAITING', 'OFFERED', 'WITHDRAWN')),
    created_at  timestamptz not null,
    offered_at  timestamptz,
    unique (type_id, holder_ref)
);
create index permit_waitlist_queue_idx on permit_waitlist (type_id, created_at) where status = 'WAITING';

-- Permit holders enter gated lots by plate: the ticket names the permit that let it in, and owes nothing.
alter table ticket add column permit_id text references permit (id);
-- Tickets of a plate at an instant, for the adjudicator's view of an appeal.
create index ticket_plate_entry_idx on ticket (plate_hmac, entry_at) where plate_hmac is not null;

-- New payable kinds; decided refunds (an appeal cancelled a paid citation) are approved by the adjudicator.
alter table payment drop constraint payment_payable_kind_check;
alter table payment add constraint payment_payable_kind_check check (payable_kind in ('TICKET', 'PERMIT', 'CITATION'));
alter table payment_refund drop constraint payment_refund_approval_role_check;
alter table payment_refund
    add constraint payment_refund_approval_role_check check (approval_role in ('OPERATOR', 'ADMIN', 'ADJUDICATOR'));
