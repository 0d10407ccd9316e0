package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.parkline.pricing.Quote;
import org.parkline.server.common.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * What an exit does with an amount still owed. A gate's exit lets the vehicle out only when nothing is owed; an
 * operator's exit override lets it out anyway and records what was owed as waived (uncollected), never as paid.
 */
sealed interface ExitPolicy {

    /** The amount let go uncollected (zero when nothing was owed), or a refusal. */
    BigDecimal waived(Ticket ticket, Quote quote);

    /** The normal exit: pay first. */
    record PayFirst() implements ExitPolicy {
        @Override
        public BigDecimal waived(Ticket ticket, Quote quote) {
            if (quote.amountDue().signum() > 0) {
                throw new ApiProblem(
                                HttpStatus.PAYMENT_REQUIRED,
                                "payment-required",
                                "Payment required",
                                "Ticket " + ticket.id() + " owes " + quote.amountDue() + " " + quote.currency()
                                        + "; pay, then exit")
                        .with("ticketId", ticket.id())
                        .with("amountDue", quote.amountDue())
                        .with("currency", quote.currency().getCurrencyCode());
            }
            return BigDecimal.ZERO;
        }
    }

    /** An operator lets the vehicle out without payment; {@code reason} goes to the audit log. */
    record Waive(String reason) implements ExitPolicy {
        @Override
        public BigDecimal waived(Ticket ticket, Quote quote) {
            return quote.amountDue().setScale(quote.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
        }
    }
}
