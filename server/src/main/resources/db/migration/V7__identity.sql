-- People and devices (capability: identity). Secrets are stored only as hashes: passwords with bcrypt, bearer
-- tokens and device keys (long random secrets) with SHA-256.
create table account (
    id            text primary key,
    username      text        not null unique check (username ~ '^[a-z0-9._@-]{3,64}$'),
    display_name  text        not null,
    password_hash text        not null,
    enabled       boolean     not null default true,
    demo          boolean     not null default false, -- created by demo mode; production refuses to start with any
    created_at    timestamptz not null default now()
);

create table account_grant (
    account_id text not null references account (id),
    role       text not null check (role in ('ADMIN', 'OPERATOR', 'OFFICER', 'ADJUDICATOR', 'ANALYST', 'AUDITOR', 'PARKER')),
    lot_id     text references lot (id), -- null: every lot
    unique nulls not distinct (account_id, role, lot_id)
);

create table access_token (
    token_hash bytea primary key,
    account_id text        not null references account (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index access_token_account_idx on access_token (account_id);

create table device_key (
    id          text primary key,
    lot_id      text        not null references lot (id),
    gate_id     text references gate (id),
    kind        text        not null check (kind in ('GATE', 'CAMERA', 'PAY_STATION')),
    label       text        not null,
    key_hash    bytea       not null,
    demo        boolean     not null default false,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    replaced_by text references device_key (id)
);
create index device_key_lot_idx on device_key (lot_id);
