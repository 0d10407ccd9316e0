package org.parkline.server.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.inventory.AllocationRequest;
import org.parkline.server.inventory.Placement;
import org.parkline.server.inventory.SpotAllocator;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entry: checks the gate, places the vehicle and issues its ticket in one transaction. */
@Service
class TicketIssuer {

    private final LotCatalog lots;
    private final SpotAllocator allocator;
    private final TicketBook tickets;
    private final PlateProtector plates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LotAccess access;

    TicketIssuer(
            LotCatalog lots,
            SpotAllocator allocator,
            TicketBook tickets,
            PlateProtector plates,
            ApplicationEventPublisher events,
            Clock clock,
            LotAccess access) {
        this.lots = lots;
        this.allocator = allocator;
        this.tickets = tickets;
        this.plates = plates;
        this.events = events;
        this.clock = clock;
        this.access = access;
    }

    record Entry(
            String lotId,
            String gateId,
            VehicleType vehicleType,
            @Nullable String plate,
            boolean needEvCharging,
            boolean needDisabled,
            @Nullable String holdId,
            @Nullable String edgeRef) {}

    @Transactional
    TicketView enter(Entry entry) {
        Lot lot = lots.lot(entry.lotId()).orElseThrow(() -> ApiProblem.notFound("lot", entry.lotId()));
        Gate gate = GateChecks.usable(lots, access, entry.gateId(), lot, Gate.Direction.ENTRY);
        lot.requireAdmitting();
        ProtectedPlate plate = plates.protect(entry.plate()).orElse(null);
        if (plate != null && tickets.activeWithPlate(lot.id(), plate.lookupHash())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "vehicle-already-inside",
                    "Vehicle already inside",
                    "A vehicle with this plate already has an active ticket in lot " + lot.id()
                            + "; an attendant must check before a second ticket is issued");
        }
        Placement placement = allocator.allocate(new AllocationRequest(
                lot, gate, entry.vehicleType().name(), entry.needEvCharging(), entry.needDisabled(), entry.holdId()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Ticket ticket = new Ticket(
                Ids.next("T", clock),
                lot.id(),
                TicketStatus.ACTIVE,
                entry.vehicleType(),
                plate,
                placement,
                Ids.digits(18),
                gate.id(),
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        tickets.insert(ticket, entry.edgeRef(), false);
        events.publishEvent(new Audited(
                "ticket.created",
                "ticket",
                ticket.id(),
                lot.id(),
                null,
                Map.of(
                        "status",
                        "ACTIVE",
                        "entryGateId",
                        gate.id(),
                        "spotId",
                        String.valueOf(placement.spotId()),
                        "zone",
                        placement.floorId() + "/" + placement.zone(),
                        "vehicleType",
                        entry.vehicleType().name())));
        events.publishEvent(new TicketCreated(
                ticket.id(), lot.id(), gate.id(), placement.spotId(), placement.floorId(), placement.zone(), now));
        return TicketView.of(ticket, lot);
    }
}
