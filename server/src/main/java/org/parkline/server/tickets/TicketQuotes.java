package org.parkline.server.tickets;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.parkline.pricing.PricingEngine;
import org.parkline.pricing.Quote;
import org.parkline.pricing.Stay;
import org.parkline.server.lots.Lot;
import org.parkline.server.payments.Payments;
import org.parkline.server.payments.Settlement;
import org.parkline.server.pricing.Tariff;
import org.parkline.server.pricing.Tariffs;
import org.springframework.stereotype.Service;

/** Prices a ticket's stay up to an instant with the lot's tariff, net of what was already paid. */
@Service
class TicketQuotes {

    static final String PAYABLE_KIND = "TICKET";

    private final Tariffs tariffs;
    private final Payments payments;
    private final PricingEngine engine = new PricingEngine();

    TicketQuotes(Tariffs tariffs, Payments payments) {
        this.tariffs = tariffs;
        this.payments = payments;
    }

    Quote quote(Ticket ticket, Lot lot, Instant at) {
        return quote(ticket, lot, at, payments.settlement(PAYABLE_KIND, ticket.id()));
    }

    private Quote quote(Ticket ticket, Lot lot, Instant at, Settlement settlement) {
        Tariff tariff = tariff(ticket, lot, at);
        Stay stay = new Stay(
                ticket.entryAt(),
                at.isBefore(ticket.entryAt()) ? ticket.entryAt() : at,
                lot.timezone(),
                ticket.vehicleType().pricingClass(),
                ticket.evCharging(),
                false,
                List.of(),
                settlement.covered(),
                settlement.lastCapturedAt());
        return engine.quote(tariff.rules(), stay);
    }

    ExitQuote view(Ticket ticket, Lot lot, Instant at) {
        Settlement settlement = payments.settlement(PAYABLE_KIND, ticket.id());
        Quote quote = quote(ticket, lot, at, settlement);
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
                quote.breakdown().stream()
                        .map(l -> new ExitQuote.Line(l.rule(), l.from(), l.to(), l.amount()))
                        .toList());
    }

    /** ENTRY basis: the version in effect when the vehicle entered (versions are immutable, so this never moves). */
    private Tariff tariff(Ticket ticket, Lot lot, Instant at) {
        return tariffs.inEffect(lot.id(), lot.pricingBasis() == Lot.PricingBasis.ENTRY ? ticket.entryAt() : at);
    }
}
