package org.parkline.server.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.permits.PermitCheck;
import org.parkline.server.tickets.TicketLookup;
import org.springframework.stereotype.Service;

/**
 * One answer to "may this plate park here at this time?", read from the live rows of every capability that can make
 * parking valid: a permit (permits), a gate ticket (tickets) and an exemption (here). Nothing is copied or synced,
 * so a permit paid a second ago, or a ticket issued at the gate a second ago, counts now. Hotlist alerts ride along.
 */
@Service
class PlateCheck {

    private final PermitCheck permits;
    private final TicketLookup tickets;
    private final Exemptions exemptions;
    private final Hotlists hotlists;

    PlateCheck(PermitCheck permits, TicketLookup tickets, Exemptions exemptions, Hotlists hotlists) {
        this.permits = permits;
        this.tickets = tickets;
        this.exemptions = exemptions;
        this.hotlists = hotlists;
    }

    enum Verdict {
        VALID,
        NOT_VALID
    }

    enum Source {
        PERMIT,
        TICKET,
        EXEMPTION
    }

    /** Why parking is valid: which source, which record, until when (null: until the vehicle leaves). */
    record Reason(Source source, String reference, String detail, @Nullable Instant until) {}

    record Result(
            Verdict verdict,
            String lotId,
            @Nullable String zone,
            Instant at,
            List<Reason> reasons,
            List<Hotlists.Alert> alerts) {}

    Result check(byte[] plateHash, String lotId, @Nullable String zone, Instant at) {
        List<Reason> reasons = new ArrayList<>();
        for (PermitCheck.ValidPermit p : permits.validAt(plateHash, lotId, zone, at)) {
            reasons.add(
                    new Reason(Source.PERMIT, p.permitId(), p.typeName() + " (" + p.category() + ")", p.validUntil()));
        }
        for (TicketLookup.PlateTicket t : tickets.openAt(plateHash, at)) {
            if (!t.lotId().equals(lotId)) continue; // a gate ticket covers the whole lot it entered
            String detail = t.permitId() == null
                    ? "gate ticket since " + t.entryAt()
                    : "entered on permit " + t.permitId() + " at " + t.entryAt();
            reasons.add(new Reason(Source.TICKET, t.ticketId(), detail, t.exitAt()));
        }
        for (Exemptions.Exemption e : exemptions.validAt(plateHash, lotId, zone, at)) {
            reasons.add(new Reason(Source.EXEMPTION, e.id(), e.reason(), e.validUntil()));
        }
        return new Result(
                reasons.isEmpty() ? Verdict.NOT_VALID : Verdict.VALID,
                lotId,
                zone,
                at,
                reasons,
                hotlists.alerts(plateHash, at));
    }
}
