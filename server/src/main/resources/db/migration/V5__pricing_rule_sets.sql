-- Pricing rule sets (capability: pricing): versioned per lot, immutable once published.
create table pricing_rule_set (
    lot_id         text        not null references lot (id),
    version        int         not null check (version > 0),
    document       jsonb       not null,
    effective_from timestamptz not null,
    published_at   timestamptz not null default now(),
    published_by   text        not null,
    primary key (lot_id, version)
);
create index pricing_rule_set_effective_idx on pricing_rule_set (lot_id, effective_from desc);

create function pricing_rule_set_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'published rule sets are immutable (lot %, version %)', old.lot_id, old.version;
end $$;
create trigger pricing_rule_set_no_update before update or delete on pricing_rule_set
    for each row execute function pricing_rule_set_immutable();
