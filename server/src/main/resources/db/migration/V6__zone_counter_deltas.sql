-- Deferred zone counters (DESIGN §4). In SPOT mode the spot rows are the inventory and the counters only
-- describe them; updating one counter row per entry made every entry into a zone queue on that row's lock.
-- Instead each spot status change appends a delta here (no shared row, no lock), a fold moves deltas into
-- zone_counter in the background, and readers add the pending deltas: base + deltas in one snapshot is exact.
-- CAPACITY-mode lots do not use deltas: there the counter row is the inventory and is decremented in place.
create table zone_counter_delta (
    id               bigint generated always as identity primary key,
    lot_id           text not null,
    floor_id         text not null,
    zone_code        text not null,
    spot_type        text not null,
    d_total          int  not null default 0,
    d_available      int  not null default 0,
    d_occupied       int  not null default 0,
    d_reserved       int  not null default 0,
    d_out_of_service int  not null default 0,
    check (d_available + d_occupied + d_reserved + d_out_of_service = d_total)
);
create index zone_counter_delta_lot_idx on zone_counter_delta (lot_id);

-- What the counters say now: the folded base plus the deltas not yet folded.
create view zone_counter_now as
select c.lot_id, c.floor_id, c.zone_code, c.spot_type,
       c.total + coalesce(d.total, 0)                   as total,
       c.available + coalesce(d.available, 0)           as available,
       c.occupied + coalesce(d.occupied, 0)             as occupied,
       c.reserved + coalesce(d.reserved, 0)             as reserved,
       c.out_of_service + coalesce(d.out_of_service, 0) as out_of_service
  from zone_counter c
  left join (select lot_id, floor_id, zone_code, spot_type,
                    sum(d_total) as total, sum(d_available) as available, sum(d_occupied) as occupied,
                    sum(d_reserved) as reserved, sum(d_out_of_service) as out_of_service
               from zone_counter_delta
              group by lot_id, floor_id, zone_code, spot_type) d
         using (lot_id, floor_id, zone_code, spot_type);
