-- Admin operations (issue 4): lots, floors and zones can be disabled; spots can be retired, or forced out of
-- service with a vehicle on them; tickets can be reported lost, have their fee overridden, leave unpaid (the
-- amount waived is kept) or be voided. Reasons are kept in the audit log, not here.

alter table lot add column enabled boolean not null default true;
alter table floor add column enabled boolean not null default true;
alter table zone add column enabled boolean not null default true;

-- RETIRED: removed from service for good (not counted in any zone counter); the row stays for history.
alter table spot drop constraint spot_status_check;
alter table spot add constraint spot_status_check
    check (status in ('AVAILABLE', 'OCCUPIED', 'OUT_OF_SERVICE', 'RESERVED', 'RETIRED'));
-- Forced out of service while OCCUPIED: the vehicle is still there until its ticket ends.
alter table spot add column vehicle_inside boolean not null default false;
alter table spot add constraint spot_vehicle_inside_only_out_of_service
    check (not vehicle_inside or status = 'OUT_OF_SERVICE');

alter table ticket add column lost_at timestamptz;
alter table ticket add column fee_override numeric(14, 4) check (fee_override >= 0);
alter table ticket add column amount_waived numeric(14, 4) check (amount_waived >= 0);
alter table ticket add column voided_at timestamptz;
alter table ticket add constraint ticket_void_has_time check ((status = 'VOID') = (voided_at is not null));

-- Retention purge: ended tickets that still carry a plate, oldest end first.
create index ticket_plate_retention_idx on ticket ((coalesce(exit_at, voided_at)))
    where plate_hmac is not null and status in ('CLOSED', 'VOID');
-- Data-subject export: every ticket of one plate, in any lot and state.
create index ticket_plate_idx on ticket (plate_hmac) where plate_hmac is not null;
