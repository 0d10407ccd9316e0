package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.inventory.SpotAllocator;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.payments.Payments;
import org.parkline.server.payments.Settlement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's corrections to an ACTIVE ticket, each with a reason that goes to the audit log: report it lost (the
 * lost-ticket fee applies from then on), override its fee (the operator's amount becomes the price of the stay), or
 * void it (it should never have existed: its place is freed, nothing is charged; refused while a payment covers it,
 * refund that first). The ticket row is locked, so none of these crosses an exit or a payment check of the ticket.
 * Letting a vehicle out unpaid is an exit ({@link TicketCloser} with {@link ExitPolicy.Waive}).
 */
@Service
class TicketAdministration {

    static final int MIN_REASON = 5;

    private final TicketBook tickets;
    private final TicketQuotes quotes;
    private final LotCatalog lots;
    private final Payments payments;
    private final SpotAllocator allocator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LotAccess access;

    TicketAdministration(
            TicketBook tickets,
            TicketQuotes quotes,
            LotCatalog lots,
            Payments payments,
            SpotAllocator allocator,
            ApplicationEventPublisher events,
            Clock clock,
            LotAccess access) {
        this.tickets = tickets;
        this.quotes = quotes;
        this.lots = lots;
        this.payments = payments;
        this.allocator = allocator;
        this.events = events;
        this.clock = clock;
        this.access = access;
    }

    /** Reporting a ticket lost twice changes nothing the second time. */
    @Transactional
    ExitQuote markLost(String ticketId, String reason) {
        Ticket ticket = active(ticketId);
        String why = reason(reason);
        Lot lot = lots.lot(ticket.lotId()).orElseThrow();
        Instant now = now();
        if (ticket.lostAt() == null) {
            tickets.markLost(ticket.id(), now);
            events.publishEvent(new Audited(
                    "ticket.lost",
                    "ticket",
                    ticket.id(),
                    ticket.lotId(),
                    Map.of("lost", false),
                    Map.of("lost", true, "reason", why)));
        }
        return quotes.view(tickets.find(ticket.id()).orElseThrow(), lot, now, true);
    }

    @Transactional
    ExitQuote overrideFee(String ticketId, BigDecimal amount, String reason) {
        Ticket ticket = active(ticketId);
        String why = reason(reason);
        Lot lot = lots.lot(ticket.lotId()).orElseThrow();
        int digits = lot.currency().getDefaultFractionDigits();
        if (amount.signum() < 0
                || amount.stripTrailingZeros().scale() > digits
                || amount.precision() - amount.scale() > 10) {
            throw ApiProblem.invalid("amount: 0 or more, at most " + digits + " decimals in "
                    + lot.currency().getCurrencyCode());
        }
        Instant now = now();
        ExitQuote before = quotes.view(ticket, lot, now, false);
        tickets.overrideFee(ticket.id(), amount);
        Ticket after = tickets.find(ticket.id()).orElseThrow();
        ExitQuote quote = quotes.view(after, lot, now, false);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put(
                "feeOverride",
                ticket.feeOverride() == null ? "none" : ticket.feeOverride().toPlainString());
        was.put("total", before.total().toPlainString());
        was.put("amountDue", before.amount().toPlainString());
        events.publishEvent(new Audited(
                "ticket.fee_overridden",
                "ticket",
                ticket.id(),
                ticket.lotId(),
                was,
                Map.of(
                        "feeOverride",
                        quote.total().toPlainString(),
                        "amountDue",
                        quote.amount().toPlainString(),
                        "reason",
                        why)));
        return quote;
    }

    @Transactional
    TicketView voidTicket(String ticketId, String reason) {
        Ticket ticket = active(ticketId);
        String why = reason(reason);
        Settlement paid = payments.lockSettlement(TicketQuotes.PAYABLE_KIND, ticket.id());
        if (paid.covered().signum() > 0) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "ticket-has-payments",
                            "Ticket has payments",
                            "Ticket " + ticket.id() + " has payments covering "
                                    + paid.covered().toPlainString() + "; refund them first, or let the vehicle exit")
                    .with("paymentIds", paid.paymentIds());
        }
        Instant now = now();
        tickets.voidTicket(ticket.id(), now);
        allocator.release(ticket.lotId(), ticket.placement());
        events.publishEvent(new Audited(
                "ticket.voided",
                "ticket",
                ticket.id(),
                ticket.lotId(),
                Map.of("status", "ACTIVE"),
                Map.of(
                        "status",
                        "VOID",
                        "placeFreed",
                        String.valueOf(ticket.placement().spotId()),
                        "reason",
                        why)));
        Lot lot = lots.lot(ticket.lotId()).orElseThrow();
        return TicketView.of(tickets.find(ticket.id()).orElseThrow(), lot);
    }

    static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > 500) {
            throw ApiProblem.invalid("reason: say why, in " + MIN_REASON + " to 500 characters (it goes to the "
                    + "audit log; never write a plate there)");
        }
        return why;
    }

    private Ticket active(String ticketId) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", ticketId));
        access.requireLot(ticket.lotId());
        if (ticket.status() != TicketStatus.ACTIVE) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "ticket-not-active",
                            "Ticket not active",
                            "Ticket " + ticket.id() + " is " + ticket.status() + "; only an ACTIVE ticket can change")
                    .with("ticketStatus", ticket.status());
        }
        return ticket;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
