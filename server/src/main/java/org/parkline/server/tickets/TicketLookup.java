package org.parkline.server.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Tickets by plate, for enforcement (is this car parked on a ticket now?) and adjudicators (was it, then?). */
@Service
public class TicketLookup {

    private final TicketBook tickets;

    TicketLookup(TicketBook tickets) {
        this.tickets = tickets;
    }

    /**
     * A ticket of a plate.
     *
     * @param permitId the permit it entered on, if it did
     */
    public record PlateTicket(
            String ticketId,
            String lotId,
            String status,
            String zone,
            Instant entryAt,
            @Nullable Instant exitAt,
            @Nullable String permitId) {}

    /** The plate's ACTIVE ticket in a lot (its look-up hash). */
    public Optional<PlateTicket> activeIn(String lotId, byte[] plateHash) {
        return tickets.activeByPlate(lotId, plateHash).map(this::view);
    }

    /** The plate's tickets, in any lot, that were open at an instant. */
    public List<PlateTicket> openAt(byte[] plateHash, Instant at) {
        return tickets.openAt(plateHash, at).stream().map(this::view).toList();
    }

    private PlateTicket view(Ticket t) {
        return new PlateTicket(
                t.id(),
                t.lotId(),
                t.status().name(),
                t.placement().zone(),
                t.entryAt(),
                t.exitAt(),
                tickets.permitOf(t.id()).orElse(null));
    }
}
