package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The price of a stay and how it was reached.
 *
 * @param total the full price of the stay, before subtracting what was already paid
 * @param amountDue what is still owed now: total minus already paid, zero inside a grace period
 * @param currency the rule set's currency
 * @param ruleSetVersion the version of the rule set that priced the stay
 * @param breakdown one line per rule that contributed, in the order applied
 */
public record Quote(
        BigDecimal total, BigDecimal amountDue, Currency currency, String ruleSetVersion, List<QuoteLine> breakdown) {

    public Quote {
        breakdown = List.copyOf(breakdown);
    }
}
