package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.parkline.pricing.PricingEngine;
import org.parkline.pricing.Quote;
import org.parkline.pricing.QuoteLine;
import org.parkline.pricing.Stay;
import org.parkline.server.lots.Lot;
import org.parkline.server.payments.Payments;
import org.parkline.server.payments.Settlement;
import org.parkline.server.pricing.Tariff;
import org.parkline.server.pricing.Tariffs;
import org.springframework.stereotype.Service;

/**
 * Prices a ticket's stay up to an instant with the lot's tariff, net of what was already paid; a lost ticket with
 * the tariff's lost-ticket fee, an overridden one at the operator's price.
 */
@Service
class TicketQuotes {

    static final String PAYABLE_KIND = "TICKET";

    private final Tariffs tariffs;
    private final Payments payments;
    private final TicketValidations validations;
    private final PricingEngine engine = new PricingEngine();

    TicketQuotes(Tariffs tariffs, Payments payments, TicketValidations validations) {
        this.tariffs = tariffs;
        this.payments = payments;
        this.validations = validations;
    }

    /**
     * What exit and payment charge: the ticket as it is (its validations applied; the lost-ticket fee if it was
     * reported lost; an operator's fee override instead of the tariff if it has one).
     */
    Quote quote(Ticket ticket, Lot lot, Instant at) {
        return quote(
                ticket,
                lot,
                at,
                ticket.lostAt() != null,
                validations.codes(ticket.id()),
                payments.settlement(PAYABLE_KIND, ticket.id()));
    }

    private Quote quote(
            Ticket ticket, Lot lot, Instant at, boolean lostTicket, List<String> codes, Settlement settlement) {
        Instant exitAt = at.isBefore(ticket.entryAt()) ? ticket.entryAt() : at;
        Tariff tariff = tariffs.forStay(lot, ticket.entryAt(), exitAt);
        Stay stay = new Stay(
                ticket.entryAt(),
                exitAt,
                lot.timezone(),
                ticket.vehicleType().pricingClass(),
                ticket.evCharging(),
                lostTicket,
                codes,
                settlement.covered(),
                settlement.lastCapturedAt());
        Quote priced = engine.quote(tariff.rules(), stay);
        return ticket.feeOverride() == null
                ? priced
                : overridden(priced, ticket.feeOverride(), settlement, ticket.entryAt(), exitAt);
    }

    /**
     * An operator's override is the price of the whole stay: time no longer adds to it, and what was paid before
     * or after counts against it (an overpayment is not refunded by itself: that is a refund).
     */
    private static Quote overridden(Quote priced, BigDecimal fee, Settlement settlement, Instant from, Instant to) {
        int digits = priced.currency().getDefaultFractionDigits();
        BigDecimal total = fee.setScale(digits, RoundingMode.HALF_UP);
        BigDecimal due =
                total.subtract(settlement.covered()).max(BigDecimal.ZERO).setScale(digits, RoundingMode.HALF_UP);
        return new Quote(
                total,
                due,
                priced.currency(),
                priced.ruleSetVersion(),
                List.of(new QuoteLine("override", from, to, total)));
    }

    /** @param lostTicket price as if the ticket were reported lost (the lost-ticket fee, if the tariff has one) */
    ExitQuote view(Ticket ticket, Lot lot, Instant at, boolean lostTicket) {
        Settlement settlement = payments.settlement(PAYABLE_KIND, ticket.id());
        List<String> codes = validations.codes(ticket.id());
        lostTicket = lostTicket || ticket.lostAt() != null;
        Quote quote = quote(ticket, lot, at, lostTicket, codes, settlement);
        ZoneId zone = lot.timezone();
        return new ExitQuote(
                ticket.id(),
                ticket.entryAt().atZone(zone).toOffsetDateTime(),
                at.atZone(zone).toOffsetDateTime(),
                quote.amountDue(),
                quote.total(),
                settlement.covered().setScale(quote.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP),
                quote.currency().getCurrencyCode(),
                quote.ruleSetVersion(),
                lostTicket,
                codes,
                quote.breakdown().stream()
                        .map(l -> new ExitQuote.Line(l.rule(), l.from(), l.to(), l.amount()))
                        .toList());
    }
}
