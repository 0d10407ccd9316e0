package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A vehicle left; its place is free again. */
public record TicketClosed(
        String ticketId,
        String lotId,
        String gateId,
        @Nullable String spotId,
        Instant exitAt,
        BigDecimal amountPaid,
        String currency) {}
