package org.parkline.client;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One event of an edge controller's offline journal, as replayed to central ({@code POST
 * /v1/lots/{lotId}/edge/journal}).
 *
 * @param eventId the controller's own id for the event (lot, gate and sequence): central applies each id once
 * @param gateId the gate where the barrier moved
 * @param kind {@code ENTRY} or {@code EXIT}
 * @param occurredAt when the barrier moved, by the controller's clock
 * @param vehicleType an entry's vehicle type
 * @param plate the plate read at entry, or {@code null}
 * @param quotaPlaceId the quota place an offline entry was admitted on, or {@code null} when beyond the quota
 * @param ticketRef an exit's ticket as scanned: its barcode (an offline ticket's barcode is its entry event id)
 * @param amountCollected what the exit collected (cash, or card while the PSP was reachable)
 * @param amountUncollected what the exit priced but could not collect
 */
public record EdgeJournalEvent(
        String eventId,
        String gateId,
        String kind,
        Instant occurredAt,
        VehicleType vehicleType,
        String plate,
        String quotaPlaceId,
        String ticketRef,
        BigDecimal amountCollected,
        BigDecimal amountUncollected) {}
