package org.parkline.edge.journal;

import java.math.BigDecimal;
import java.time.Instant;

/** An exit to journal: what was due, collected and not collected (amounts null online, where central settles). */
public record ExitRecord(
        String eventId,
        String gateId,
        Instant at,
        boolean online,
        String plate,
        String ticketRef,
        String centralTicketId,
        BigDecimal due,
        BigDecimal collected,
        BigDecimal uncollected) {}
