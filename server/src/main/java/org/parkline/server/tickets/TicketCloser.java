package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.pricing.Quote;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.inventory.SpotAllocator;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.payments.Payment;
import org.parkline.server.payments.Payments;
import org.parkline.server.payments.Settlement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exit: when nothing more is owed (paid, free, or inside the grace period), closes the ticket and frees its place in
 * one transaction and tells the gate to open. Otherwise refuses with what is owed, unless the exit's
 * {@link ExitPolicy} is an operator's override, which lets the vehicle out and records the amount as waived. A payment whose capture is still
 * pending counts as paid (pending exit): the gate does not wait for the PSP, and the payment is marked released so
 * that a capture failing later is reported as uncollected (docs/payments.md).
 */
@Service
class TicketCloser {

    private final LotCatalog lots;
    private final TicketBook tickets;
    private final TicketQuotes quotes;
    private final Payments payments;
    private final SpotAllocator allocator;
    private final PlateProtector plates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LotAccess access;

    TicketCloser(
            LotCatalog lots,
            TicketBook tickets,
            TicketQuotes quotes,
            Payments payments,
            SpotAllocator allocator,
            PlateProtector plates,
            ApplicationEventPublisher events,
            Clock clock,
            LotAccess access) {
        this.lots = lots;
        this.tickets = tickets;
        this.quotes = quotes;
        this.payments = payments;
        this.allocator = allocator;
        this.plates = plates;
        this.events = events;
        this.clock = clock;
        this.access = access;
    }

    record Exit(
            String ticketId,
            String gateId,
            @Nullable String paidPaymentId,
            @Nullable String vehiclePlate,
            ExitPolicy policy) {

        Exit(String ticketId, String gateId, @Nullable String paidPaymentId, @Nullable String vehiclePlate) {
            this(ticketId, gateId, paidPaymentId, vehiclePlate, new ExitPolicy.PayFirst());
        }
    }

    record ExitResult(
            String ticketId,
            TicketStatus status,
            OffsetDateTime exitAt,
            BigDecimal amountPaid,
            BigDecimal amountPending,
            BigDecimal amountWaived,
            String currency,
            String barrier) {}

    @Transactional
    ExitResult exit(Exit exit) {
        Ticket ticket = tickets.lock(exit.ticketId()).orElseThrow(() -> ApiProblem.notFound("ticket", exit.ticketId()));
        access.requireLot(ticket.lotId()); // before anything is said about the ticket
        Lot lot = lots.lot(ticket.lotId()).orElseThrow();
        if (ticket.status() != TicketStatus.ACTIVE) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "already-exited",
                            "Ticket not active",
                            "Ticket " + ticket.id() + " is " + ticket.status() + "; it cannot exit again")
                    .with("ticketStatus", ticket.status());
        }
        Gate gate = GateChecks.usable(lots, access, exit.gateId(), lot, Gate.Direction.EXIT);
        checkPlate(ticket, exit.vehiclePlate());
        checkPayment(ticket, exit.paidPaymentId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Locked until this exit commits: a pending capture that fails meanwhile then finds its payment released.
        Settlement paid = payments.lockSettlement(TicketQuotes.PAYABLE_KIND, ticket.id());
        Quote quote = quotes.quote(ticket, lot, now);
        boolean onPermit = tickets.permitOf(ticket.id()).isPresent(); // a permit holder's stay owes nothing
        BigDecimal waived = onPermit
                ? BigDecimal.ZERO.setScale(quote.currency().getDefaultFractionDigits())
                : exit.policy().waived(ticket, quote);
        int digits = quote.currency().getDefaultFractionDigits();
        BigDecimal covered = paid.covered().setScale(digits, RoundingMode.HALF_UP);
        BigDecimal pending = paid.pending().setScale(digits, RoundingMode.HALF_UP);
        boolean counted = tickets.close(ticket.id(), gate.id(), now, covered, waived.signum() > 0 ? waived : null);
        payments.releasePending(TicketQuotes.PAYABLE_KIND, ticket.id(), now);
        if (counted) allocator.release(lot.id(), ticket.placement()); // an over-capacity ticket never held a place
        events.publishEvent(closedAudit(ticket, gate, covered, waived, exit.policy()));
        events.publishEvent(new TicketClosed(
                ticket.id(),
                lot.id(),
                gate.id(),
                ticket.placement().spotId(),
                now,
                covered,
                quote.currency().getCurrencyCode()));
        return new ExitResult(
                ticket.id(),
                TicketStatus.CLOSED,
                now.atZone(lot.timezone()).toOffsetDateTime(),
                covered,
                pending,
                waived,
                quote.currency().getCurrencyCode(),
                "OPEN");
    }

    private static Audited closedAudit(
            Ticket ticket, Gate gate, BigDecimal paid, BigDecimal waived, ExitPolicy policy) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "CLOSED");
        after.put("exitGateId", gate.id());
        after.put("amountPaid", paid.toPlainString());
        String action = "ticket.closed";
        if (policy instanceof ExitPolicy.Waive waive) {
            action = "ticket.exit_overridden";
            after.put("amountWaived", waived.toPlainString());
            after.put("reason", waive.reason());
        }
        return new Audited(action, "ticket", ticket.id(), ticket.lotId(), Map.of("status", "ACTIVE"), after);
    }

    private void checkPlate(Ticket ticket, @Nullable String vehiclePlate) {
        if (vehiclePlate == null || vehiclePlate.isBlank() || ticket.plate() == null) return;
        if (!Arrays.equals(plates.lookupHash(vehiclePlate), ticket.plate().lookupHash())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "plate-mismatch",
                    "Plate does not match ticket",
                    "The plate read at exit is not the plate recorded at entry for ticket " + ticket.id()
                            + "; an attendant must check the vehicle");
        }
    }

    private void checkPayment(Ticket ticket, @Nullable String paymentId) {
        if (paymentId == null || paymentId.isBlank()) return;
        Payment payment = payments.payment(paymentId).orElseThrow(() -> ApiProblem.notFound("payment", paymentId));
        if (!payment.payableRef().equals(ticket.id())) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "payment-not-for-ticket",
                    "Payment is for another ticket",
                    "Payment " + paymentId + " did not pay for ticket " + ticket.id());
        }
        if (!payment.coversExit()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "payment-not-captured",
                    "Payment not completed",
                    "Payment " + paymentId + " is " + payment.status() + ", not CAPTURED (or AUTHORIZED, pending)");
        }
    }
}
