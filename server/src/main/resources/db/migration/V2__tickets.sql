-- Tickets (capability: tickets): ACTIVE from entry until the vehicle leaves (CLOSED), or LOST / VOID.
create table ticket (
    id                text primary key,
    lot_id            text        not null references lot (id),
    status            text        not null check (status in ('ACTIVE', 'CLOSED', 'LOST', 'VOID')),
    vehicle_type      text        not null check (vehicle_type in ('CAR', 'MOTORBIKE', 'TRUCK', 'EV')),
    plate_hmac        bytea,      -- keyed hash of the normalized plate, for look-ups; never the plate
    plate_cipher      bytea,      -- AES-GCM ciphertext of the normalized plate, for display to roles that may see it
    plate_key_id      text,
    spot_id           text references spot (id),
    floor_id          text        not null,
    zone_code         text        not null,
    spot_type         text        not null,
    ev_charging       boolean     not null default false,
    barcode           text        not null unique,
    entry_gate_id     text        not null references gate (id),
    entry_at          timestamptz not null,
    exit_gate_id      text references gate (id),
    exit_at           timestamptz,
    amount_charged    numeric(14, 4),
    check ((status = 'ACTIVE') = (exit_at is null) or status in ('LOST', 'VOID'))
);
-- The last line of defence against double allocation: one ACTIVE ticket per spot, whatever the Java does.
create unique index ticket_one_active_per_spot on ticket (spot_id) where status = 'ACTIVE' and spot_id is not null;
create index ticket_lot_status_idx on ticket (lot_id, status);
create index ticket_active_plate_idx on ticket (lot_id, plate_hmac) where status = 'ACTIVE' and plate_hmac is not null;
