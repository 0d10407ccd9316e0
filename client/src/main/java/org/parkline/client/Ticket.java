package org.parkline.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A parking ticket, as returned by entry ({@code POST /v1/tickets/entry}) and look-up ({@code GET
 * /v1/tickets/{id}}). Entry responses leave the exit fields {@code null}.
 *
 * @param ticketId the ticket's id
 * @param lotId the lot it belongs to
 * @param status where the ticket stands
 * @param issuedAt entry time, with the lot's offset
 * @param exitAt exit time, {@code null} while the ticket is active
 * @param spot the assigned spot, {@code null} in CAPACITY-mode lots
 * @param floorId the floor the vehicle was sent to
 * @param zone the zone the vehicle was sent to
 * @param barcode what the printed ticket encodes
 * @param vehicleType the kind of vehicle
 * @param entryGateId the gate the vehicle entered through
 * @param exitGateId the gate it left through, or {@code null}
 * @param amountCharged what the stay cost, or {@code null} before exit
 */
public record Ticket(
        String ticketId,
        String lotId,
        TicketStatus status,
        OffsetDateTime issuedAt,
        OffsetDateTime exitAt,
        AssignedSpot spot,
        String floorId,
        String zone,
        String barcode,
        VehicleType vehicleType,
        String entryGateId,
        String exitGateId,
        BigDecimal amountCharged) {}
