-- Idempotent requests (capability: common). A successful response is stored in the same transaction
-- as the change it made, so a retry either replays it or finds that nothing happened.
create table idempotency_record (
    scope           text        not null, -- caller + method + path
    key             text        not null check (length(key) between 1 and 200),
    request_hash    bytea       not null,
    response_status int         not null,
    content_type    text,
    location        text,
    response_body   bytea       not null,
    created_at      timestamptz not null default now(),
    primary key (scope, key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);
