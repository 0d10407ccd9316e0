package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * The same stay priced under two rule sets, e.g. the published tariff and a draft.
 *
 * @param current the quote under the first rule set
 * @param candidate the quote under the second rule set
 * @param totalDifference {@code candidate.total - current.total}: positive when the candidate costs more
 * @param amountDueDifference {@code candidate.amountDue - current.amountDue}
 */
public record QuoteComparison(
        Quote current, Quote candidate, BigDecimal totalDifference, BigDecimal amountDueDifference) {

    public QuoteComparison {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(candidate, "candidate");
    }

    /** Compares two quotes of one currency; rejects quotes in different currencies. */
    public static QuoteComparison of(Quote current, Quote candidate) {
        if (!current.currency().equals(candidate.currency())) {
            throw new IllegalArgumentException(
                    "cannot compare quotes in " + current.currency() + " and " + candidate.currency());
        }
        return new QuoteComparison(
                current,
                candidate,
                candidate.total().subtract(current.total()),
                candidate.amountDue().subtract(current.amountDue()));
    }

    /** The currency of both quotes. */
    public Currency currency() {
        return current.currency();
    }
}
