-- The lot's edge gate controller (docs/edge.md): commands to gates, offline quota held in escrow, and the
-- journal of what gates did while central was unreachable, imported exactly once.

-- Commands from central to one gate (capability: lots). The controller pulls them by sequence and acknowledges.
create table gate_command (
    gate_id   text        not null references gate (id),
    seq       bigint      not null check (seq > 0),
    lot_id    text        not null references lot (id),
    command   text        not null check (command in ('FORCE_OPEN', 'FORCE_CLOSE', 'NORMAL')),
    reason    text        not null check (length(reason) between 3 and 500),
    issued_by text        not null,
    issued_at timestamptz not null,
    acked_at  timestamptz,
    primary key (gate_id, seq)
);

-- Places an entry gate may fill on its own while central is unreachable (capability: inventory). A HELD place is
-- RESERVED in the spot table (SPOT mode: spot.hold_id = this id, hold_until = infinity) or counted as reserved in
-- zone_counter (CAPACITY mode), so central never sells it; USED when an offline entry is imported onto it;
-- RETURNED when the controller gives it back.
create table edge_quota_place (
    id           text primary key,
    lot_id       text        not null references lot (id),
    gate_id      text        not null references gate (id),
    vehicle_type text        not null check (vehicle_type in ('CAR', 'MOTORBIKE', 'TRUCK', 'EV')),
    floor_id     text        not null,
    zone_code    text        not null,
    spot_type    text        not null,
    spot_id      text references spot (id),
    status       text        not null check (status in ('HELD', 'USED', 'RETURNED')),
    granted_at   timestamptz not null,
    closed_at    timestamptz
);
create index edge_quota_place_held_idx on edge_quota_place (gate_id, vehicle_type) where status = 'HELD';

-- Every journal event an edge controller replayed (capability: tickets). The primary key is the de-duplication:
-- a replayed event inserts its row in the same transaction as its effect, so it takes effect once.
create table edge_event (
    lot_id             text        not null references lot (id),
    event_id           text        not null check (length(event_id) between 1 and 80),
    gate_id            text        not null references gate (id),
    kind               text        not null check (kind in ('ENTRY', 'EXIT')),
    occurred_at        timestamptz not null,
    outcome            text        not null,
    ticket_id          text references ticket (id),
    detail             text,
    amount_collected   numeric(14, 4),
    amount_uncollected numeric(14, 4),
    imported_at        timestamptz not null,
    primary key (lot_id, event_id)
);
create index edge_event_conflict_idx on edge_event (lot_id, outcome) where outcome not in ('ENTERED', 'EXITED');

-- Tickets issued offline keep the id the controller printed (also their barcode); tickets issued online by a
-- controller carry the controller's entry event id, so an offline ticket for the same event is recognised.
alter table ticket add column edge_ref text;
alter table ticket add column amount_uncollected numeric(14, 4);
-- Admitted offline beyond every place (lot policy "admit without a guaranteed spot"): counts no place.
alter table ticket add column over_capacity boolean not null default false;
create unique index ticket_edge_ref_idx on ticket (edge_ref) where edge_ref is not null;
-- Plate seen entering at two lots: an import looks for the plate's active ticket in any lot.
create index ticket_active_plate_any_lot_idx on ticket (plate_hmac) where status = 'ACTIVE' and plate_hmac is not null;
