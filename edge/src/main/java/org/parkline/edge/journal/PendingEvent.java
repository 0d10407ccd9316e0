package org.parkline.edge.journal;

import java.math.BigDecimal;
import java.time.Instant;

/** An offline event central has not yet acknowledged. */
public record PendingEvent(
        long seq,
        String eventId,
        String gateId,
        String kind,
        Instant occurredAt,
        String vehicleType,
        String plate,
        String quotaPlaceId,
        String ticketRef,
        BigDecimal amountCollected,
        BigDecimal amountUncollected) {}
