package org.parkline.pricing;

/** Prices stays. Stateless and thread-safe: the server and the edge share one instance each. */
public final class PricingEngine {

    /**
     * Prices a stay under a rule set.
     *
     * @param rules the rule set in effect for the stay
     * @param stay the stay
     * @return the total, what is still due, and the breakdown by rule
     */
    public Quote quote(RuleSet rules, Stay stay) {
        return rules.price(stay);
    }

    /**
     * Prices one stay under two rule sets, for "what would this tariff change do" simulations.
     *
     * @param current the rule set in effect (e.g. the published version)
     * @param candidate the rule set to compare with (e.g. a draft)
     * @param stay the stay
     * @return both quotes and the differences, candidate minus current
     * @throws IllegalArgumentException when the rule sets use different currencies
     */
    public QuoteComparison compare(RuleSet current, RuleSet candidate, Stay stay) {
        if (!current.currency().equals(candidate.currency())) {
            throw new IllegalArgumentException(
                    "cannot compare rule sets in " + current.currency() + " and " + candidate.currency());
        }
        return QuoteComparison.of(quote(current, stay), quote(candidate, stay));
    }
}
