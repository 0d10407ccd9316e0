-- Enforcement (capability: enforcement): exemptions, time limits, plate reads, hotlists, patrols, citations.
-- Plates are kept as an HMAC (look-ups) and AES-GCM ciphertext (display), never in the clear.

-- Vehicles that may park without paying: police, utilities, a wedding on a residents' street.
create table exemption (
    id           text primary key,
    lot_id       text        not null references lot (id),
    zone_code    text, -- null: the whole lot
    plate_hmac   bytea       not null,
    plate_cipher bytea       not null,
    plate_key_id text        not null,
    reason       text        not null check (length(btrim(reason)) between 3 and 200),
    valid_from   timestamptz not null,
    valid_until  timestamptz not null,
    created_at   timestamptz not null,
    check (valid_until > valid_from)
);
create index exemption_plate_idx on exemption (plate_hmac, lot_id);

-- Time-limited parking: a vehicle seen in the zone for longer than the limit is overstaying (digital chalking).
create table time_limit (
    lot_id      text not null references lot (id),
    zone_code   text not null, -- '*': every zone of the lot
    max_minutes int  not null check (max_minutes between 1 and 1440),
    primary key (lot_id, zone_code)
);

create table patrol (
    id         text primary key,
    lot_id     text        not null references lot (id),
    officer_id text        not null,
    route      text,
    zones      text[]      not null default '{}',
    started_at timestamptz not null,
    ended_at   timestamptz,
    check (ended_at is null or ended_at >= started_at)
);
create index patrol_lot_started_idx on patrol (lot_id, started_at);
create unique index patrol_one_open_per_officer_idx on patrol (officer_id) where ended_at is null;

create table lpr_read (
    id           text primary key,
    lot_id       text          not null references lot (id),
    zone_code    text,
    plate_hmac   bytea         not null,
    plate_cipher bytea         not null,
    plate_key_id text          not null,
    confidence   numeric(4, 3) not null check (confidence between 0 and 1),
    device_id    text          not null,
    source       text          not null check (source in ('FIXED', 'PATROL', 'HANDHELD')),
    patrol_id    text references patrol (id),
    image_ref    text,
    read_at      timestamptz   not null,
    received_at  timestamptz   not null,
    overstay     boolean       not null default false
);
-- Chalking: earlier reads of the same plate in the same lot; retention: the oldest reads first.
create index lpr_read_plate_idx on lpr_read (lot_id, plate_hmac, read_at);
create index lpr_read_at_idx on lpr_read (read_at);
create index lpr_read_patrol_idx on lpr_read (patrol_id) where patrol_id is not null;

create table hotlist_entry (
    id           text primary key,
    list         text        not null check (list in ('STOLEN', 'SCOFFLAW', 'WATCH')),
    plate_hmac   bytea       not null,
    plate_cipher bytea       not null,
    plate_key_id text        not null,
    reason       text        not null check (length(btrim(reason)) between 3 and 200),
    created_at   timestamptz not null,
    removed_at   timestamptz
);
create index hotlist_entry_plate_idx on hotlist_entry (plate_hmac) where removed_at is null;

create table hotlist_hit (
    id         text primary key,
    read_id    text        references lpr_read (id) on delete set null,
    lot_id     text        not null references lot (id),
    list       text        not null,
    entry_id   text        references hotlist_entry (id),
    detail     text        not null,
    at         timestamptz not null
);
create index hotlist_hit_lot_at_idx on hotlist_hit (lot_id, at);

-- The fine schedule of a lot: one row per violation code.
create table fine_schedule (
    lot_id          text           not null references lot (id),
    code            text           not null check (code ~ '^[A-Z0-9_-]{1,16}$'),
    description     text           not null,
    amount          numeric(14, 4) not null check (amount > 0),
    late_fee        numeric(14, 4) not null default 0 check (late_fee >= 0),
    late_after_days int            not null default 14 check (late_after_days between 1 and 365),
    -- NO_PAYMENT: parked without a permit, ticket, session or exemption; refused when the plate check says VALID
    kind            text           not null default 'OTHER' check (kind in ('NO_PAYMENT', 'OVERSTAY', 'OTHER')),
    primary key (lot_id, code)
);

create table citation (
    id                text primary key,
    number            text           not null unique,
    lot_id            text           not null references lot (id),
    zone_code         text,
    location          text,
    plate_hmac        bytea          not null,
    plate_cipher      bytea          not null,
    plate_key_id      text           not null,
    vehicle           text,
    violation_code    text           not null,
    violation         text           not null,
    fine              numeric(14, 4) not null check (fine > 0),
    late_fee          numeric(14, 4) not null check (late_fee >= 0),
    late_from         timestamptz    not null,
    reduced_to        numeric(14, 4) check (reduced_to is null or reduced_to >= 0),
    currency          char(3)        not null,
    status            text           not null check (status in ('ISSUED', 'PAID', 'APPEALED', 'UPHELD', 'REDUCED',
                                                                'CANCELLED', 'VOID', 'SENT_TO_COLLECTIONS')),
    officer_id        text           not null,
    patrol_id         text references patrol (id),
    issued_at         timestamptz    not null,
    late_notified_at  timestamptz,
    updated_at        timestamptz    not null,
    foreign key (lot_id, violation_code) references fine_schedule (lot_id, code)
);
create index citation_plate_idx on citation (plate_hmac, status);
-- The escalation job: open citations by issue time.
create index citation_open_idx on citation (issued_at) where status in ('ISSUED', 'UPHELD', 'REDUCED');

create table citation_evidence (
    id           text primary key,
    citation_id  text        not null references citation (id),
    content_type text        not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes   int         not null check (size_bytes between 1 and 5242880),
    sha256       bytea       not null check (length(sha256) = 32),
    file_name    text,
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index citation_evidence_citation_idx on citation_evidence (citation_id);
