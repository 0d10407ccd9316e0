package org.parkline.server.tickets;

import java.time.Instant;
import java.util.Optional;
import org.parkline.pricing.Quote;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.payments.AmountDue;
import org.parkline.server.payments.PayableResolver;
import org.springframework.stereotype.Component;

/** Tells payments what an ACTIVE ticket owes now; a closed ticket, or one entered on a permit, owes nothing. */
@Component
class TicketPayables implements PayableResolver {

    private final TicketBook tickets;
    private final TicketQuotes quotes;
    private final LotCatalog lots;

    TicketPayables(TicketBook tickets, TicketQuotes quotes, LotCatalog lots) {
        this.tickets = tickets;
        this.quotes = quotes;
        this.lots = lots;
    }

    @Override
    public String kind() {
        return TicketQuotes.PAYABLE_KIND;
    }

    @Override
    public Optional<AmountDue> amountDue(String ticketId, Instant at) {
        return tickets.find(ticketId).map(ticket -> {
            var lot = lots.lot(ticket.lotId()).orElseThrow();
            if (ticket.status() != TicketStatus.ACTIVE
                    || tickets.permitOf(ticket.id()).isPresent()) {
                return new AmountDue(lot.id(), java.math.BigDecimal.ZERO, lot.currency());
            }
            Quote quote = quotes.quote(ticket, lot, at);
            return new AmountDue(lot.id(), quote.amountDue(), quote.currency());
        });
    }
}
