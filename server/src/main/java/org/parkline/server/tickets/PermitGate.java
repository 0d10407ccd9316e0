package org.parkline.server.tickets;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.permits.PermitCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticketless entry and exit for permit holders: the gate's camera reads the plate, and when the plate holds a permit
 * valid in this lot now, the vehicle is placed and let in with a ticket that names the permit and owes nothing. At
 * the exit the plate finds that ticket. No permit: 422 {@code no-valid-permit}, and the gate issues a paper ticket.
 */
@Service
class PermitGate {

    private final TicketIssuer issuer;
    private final TicketCloser closer;
    private final TicketBook tickets;
    private final PermitCheck permits;
    private final PlateProtector plates;
    private final LotCatalog lots;
    private final LotAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PermitGate(
            TicketIssuer issuer,
            TicketCloser closer,
            TicketBook tickets,
            PermitCheck permits,
            PlateProtector plates,
            LotCatalog lots,
            LotAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.issuer = issuer;
        this.closer = closer;
        this.tickets = tickets;
        this.permits = permits;
        this.plates = plates;
        this.lots = lots;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    record PermitEntry(TicketView ticket, String permitId, String permitType) {}

    @Transactional
    PermitEntry enter(String lotId, String gateId, VehicleType vehicleType, String plate) {
        Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        access.requireGate(lot.id(), gateId);
        byte[] hash = plates.lookupHash(plate);
        List<PermitCheck.ValidPermit> valid = permits.validAt(hash, lot.id(), null, clock.instant());
        if (valid.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "no-valid-permit",
                    "No valid permit",
                    "This plate holds no permit valid in lot " + lot.id() + " now; issue a ticket instead");
        }
        PermitCheck.ValidPermit permit = valid.getFirst();
        TicketView ticket =
                issuer.enter(new TicketIssuer.Entry(lot.id(), gateId, vehicleType, plate, false, false, null, null));
        tickets.linkPermit(ticket.ticketId(), permit.permitId());
        events.publishEvent(new Audited(
                "ticket.permit_entry",
                "ticket",
                ticket.ticketId(),
                lot.id(),
                null,
                Map.of("permitId", permit.permitId(), "gateId", gateId)));
        return new PermitEntry(ticket, permit.permitId(), permit.typeName());
    }

    @Transactional
    TicketCloser.ExitResult exit(String lotId, String gateId, String plate) {
        Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        access.requireGate(lot.id(), gateId);
        Ticket ticket = tickets.activeByPlate(lot.id(), plates.lookupHash(plate))
                .filter(t -> tickets.permitOf(t.id()).isPresent())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "no-permit-ticket",
                        "No permit entry for this plate",
                        "No vehicle with this plate entered lot " + lot.id()
                                + " on a permit; exit with its ticket instead"));
        return closer.exit(new TicketCloser.Exit(ticket.id(), gateId, null, plate));
    }
}
