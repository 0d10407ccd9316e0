-- Pricing (capability: pricing): a lot's rule-set versions are 1, 2, 3, ... with no gap and no repeat.
-- The publisher takes a lock on the lot row first, so publishes of one lot queue; this trigger and the
-- primary key are the last line if the Java code ever forgets to.
create function pricing_rule_set_next_version() returns trigger language plpgsql as $$
declare
    latest int;
begin
    select max(version) into latest from pricing_rule_set where lot_id = new.lot_id;
    if new.version <> coalesce(latest, 0) + 1 then
        raise exception 'rule set version % of lot % is not the next version (latest is %)',
            new.version, new.lot_id, coalesce(latest, 0)
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger pricing_rule_set_consecutive before insert on pricing_rule_set
    for each row execute function pricing_rule_set_next_version();

-- Tickets (capability: tickets): merchant validation codes presented for a stay. Every quote, exit and
-- payment of the ticket applies them. One row per code: presenting a code again changes nothing.
create table ticket_validation (
    ticket_id    text        not null references ticket (id),
    code         text        not null check (length(code) between 1 and 64),
    lot_id       text        not null references lot (id),
    validated_at timestamptz not null,
    primary key (ticket_id, code)
);
