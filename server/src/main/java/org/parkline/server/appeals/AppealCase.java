package org.parkline.server.appeals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.enforcement.Citation;
import org.parkline.server.enforcement.CitationStatus;
import org.parkline.server.enforcement.Citations;
import org.parkline.server.payments.Payments;
import org.parkline.server.permits.PermitCheck;
import org.parkline.server.tickets.TicketLookup;
import org.springframework.stereotype.Component;

/**
 * Everything an adjudicator needs in one view, read live from each capability: the appeal and its evidence, the
 * citation and its evidence, the plate's permits and tickets at the moment the citation was issued, and every
 * payment made for the citation (so an appeal is never decided without knowing it was paid).
 */
record AppealCase(
        AppealView appeal,
        CitationFacts citation,
        List<PermitCheck.HeldPermit> permitsAtIssue,
        List<TicketLookup.PlateTicket> ticketsAtIssue,
        List<PaymentFact> payments,
        List<AppealView> earlierAppeals) {

    record AppealView(
            String appealId,
            String citationId,
            Appeal.Status status,
            String statement,
            Instant submittedAt,
            Appeal.@Nullable Decision decision,
            @Nullable String decisionReason,
            @Nullable BigDecimal newAmount,
            BigDecimal refunded,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            List<AppealBook.Evidence> evidence,
            List<AppealBook.Notification> notifications) {

        static AppealView of(Appeal a, AppealBook book) {
            return new AppealView(
                    a.id(),
                    a.citationId(),
                    a.status(),
                    a.statement(),
                    a.submittedAt(),
                    a.decision(),
                    a.decisionReason(),
                    a.newAmount(),
                    a.refunded(),
                    a.decidedBy(),
                    a.decidedAt(),
                    book.evidence(a.id()),
                    book.notifications(a.id()));
        }
    }

    record CitationFacts(
            String citationId,
            String number,
            String lotId,
            @Nullable String zone,
            @Nullable String location,
            String plate,
            @Nullable String vehicle,
            String violationCode,
            String violation,
            CitationStatus status,
            BigDecimal fine,
            @Nullable BigDecimal reducedTo,
            BigDecimal amountDue,
            BigDecimal paid,
            String currency,
            String officerId,
            Instant issuedAt,
            List<Citations.EvidenceInfo> evidence) {}

    record PaymentFact(
            String paymentId,
            BigDecimal amount,
            BigDecimal refunded,
            String currency,
            String method,
            String status,
            Instant createdAt,
            @Nullable Instant capturedAt) {}

    @Component
    static class Builder {

        private final AppealBook appeals;
        private final Citations citations;
        private final PermitCheck permits;
        private final TicketLookup tickets;
        private final Payments payments;
        private final Clock clock;

        Builder(
                AppealBook appeals,
                Citations citations,
                PermitCheck permits,
                TicketLookup tickets,
                Payments payments,
                Clock clock) {
            this.appeals = appeals;
            this.citations = citations;
            this.permits = permits;
            this.tickets = tickets;
            this.payments = payments;
            this.clock = clock;
        }

        AppealCase of(Appeal appeal) {
            Citation c = citations.find(appeal.citationId()).orElseThrow();
            Citations.Owed owed = citations.owed(c, clock.instant());
            CitationFacts facts = new CitationFacts(
                    c.id(),
                    c.number(),
                    c.lotId(),
                    c.zone(),
                    c.location(),
                    citations.plateOf(c),
                    c.vehicle(),
                    c.violationCode(),
                    c.violation(),
                    c.status(),
                    c.fine(),
                    c.reducedTo(),
                    owed.due(),
                    owed.paid(),
                    c.currency().getCurrencyCode(),
                    c.officerId(),
                    c.issuedAt(),
                    citations.evidence(c.id()));
            byte[] plate = c.plate().lookupHash();
            List<PaymentFact> paid = payments.ofPayable(Citations.PAYABLE_KIND, c.id()).stream()
                    .map(p -> new PaymentFact(
                            p.id(),
                            p.amount(),
                            p.refunded(),
                            p.currency().getCurrencyCode(),
                            p.method().name(),
                            p.status().name(),
                            p.createdAt(),
                            p.capturedAt()))
                    .toList();
            List<AppealView> earlier = appeals.ofCitation(c.id()).stream()
                    .filter(a -> !a.id().equals(appeal.id()))
                    .map(a -> AppealView.of(a, appeals))
                    .toList();
            return new AppealCase(
                    AppealView.of(appeal, appeals),
                    facts,
                    permits.heldAt(plate, c.lotId(), c.zone(), c.issuedAt()),
                    tickets.openAt(plate, c.issuedAt()),
                    paid,
                    earlier);
        }
    }
}
