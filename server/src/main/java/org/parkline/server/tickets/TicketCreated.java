package org.parkline.server.tickets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A vehicle entered and got a ticket (and, in SPOT mode, a spot). */
public record TicketCreated(
        String ticketId,
        String lotId,
        String gateId,
        @Nullable String spotId,
        String floorId,
        String zone,
        Instant entryAt) {}
