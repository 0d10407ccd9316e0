-- Lots and their physical layout (capability: lots) and spot inventory (capability: inventory).
-- Spot and gate ids are global: a gate or a spot is addressed without its lot (PUT /v1/spots/{spotId}).

create table lot (
    id                text primary key check (id ~ '^[A-Za-z0-9_-]{1,32}$'),
    name              text        not null,
    address           text,
    timezone          text        not null,
    mode              text        not null check (mode in ('SPOT', 'CAPACITY')),
    currency          char(3)     not null,
    allocation_policy jsonb       not null default '{}'::jsonb,
    pricing_basis     text        not null default 'ENTRY' check (pricing_basis in ('ENTRY', 'EXIT')),
    created_at        timestamptz not null default now()
);

create table floor (
    lot_id text not null references lot (id),
    id     text not null check (id ~ '^[A-Za-z0-9_-]{1,32}$'),
    name   text not null,
    level  int  not null,
    primary key (lot_id, id),
    unique (lot_id, level) -- spot ids carry the level, so two floors cannot share one
);

create table zone (
    lot_id   text not null,
    floor_id text not null,
    code     text not null check (code ~ '^[A-Za-z0-9_-]{1,16}$'),
    name     text not null,
    rank     int  not null default 0, -- order of zones on a floor, nearest the ramp first
    primary key (lot_id, floor_id, code),
    foreign key (lot_id, floor_id) references floor (lot_id, id)
);

create table gate (
    id        text primary key check (id ~ '^[A-Za-z0-9_-]{1,32}$'),
    lot_id    text not null references lot (id),
    direction text not null check (direction in ('ENTRY', 'EXIT')),
    floor_id  text not null,
    zone_code text,
    status    text not null default 'NORMAL' check (status in ('NORMAL', 'FORCED_OPEN', 'FORCED_CLOSED', 'DISABLED')),
    foreign key (lot_id, floor_id) references floor (lot_id, id)
);
create index gate_lot_idx on gate (lot_id);

create table spot (
    id         text primary key check (id ~ '^[A-Za-z0-9_-]{1,40}$'),
    lot_id     text        not null,
    floor_id   text        not null,
    zone_code  text        not null,
    type       text        not null check (type in ('COMPACT', 'LARGE', 'MOTORBIKE', 'EV_CHARGING', 'DISABLED')),
    status     text        not null default 'AVAILABLE'
                   check (status in ('AVAILABLE', 'OCCUPIED', 'OUT_OF_SERVICE', 'RESERVED')),
    sort_key   int         not null, -- order inside a zone: lower is nearer the zone's entrance
    hold_id    text,
    hold_until timestamptz,
    updated_at timestamptz not null default now(),
    foreign key (lot_id, floor_id, zone_code) references zone (lot_id, floor_id, code),
    check ((status = 'RESERVED') = (hold_until is not null))
);
-- The allocator's shortlist: the nearest AVAILABLE spot of a type in a zone is the first index entry.
create index spot_available_idx on spot (lot_id, floor_id, zone_code, type, sort_key) where status = 'AVAILABLE';
create index spot_hold_expiry_idx on spot (hold_until) where status = 'RESERVED';
create unique index spot_hold_id_idx on spot (hold_id) where hold_id is not null;
create index spot_lot_idx on spot (lot_id);

-- Places per zone and spot type. In SPOT mode these count spot rows by status and are kept equal to
-- them in the same transaction as every status change; in CAPACITY mode there are no spot rows and
-- this row is the inventory itself (a conditional decrement admits a vehicle).
create table zone_counter (
    lot_id         text not null,
    floor_id       text not null,
    zone_code      text not null,
    spot_type      text not null check (spot_type in ('COMPACT', 'LARGE', 'MOTORBIKE', 'EV_CHARGING', 'DISABLED')),
    total          int  not null check (total >= 0),
    available      int  not null check (available >= 0),
    occupied       int  not null default 0 check (occupied >= 0),
    reserved       int  not null default 0 check (reserved >= 0),
    out_of_service int  not null default 0 check (out_of_service >= 0),
    primary key (lot_id, floor_id, zone_code, spot_type),
    foreign key (lot_id, floor_id, zone_code) references zone (lot_id, floor_id, code),
    check (available + occupied + reserved + out_of_service = total)
);
