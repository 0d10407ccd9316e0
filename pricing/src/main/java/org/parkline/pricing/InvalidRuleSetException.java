package org.parkline.pricing;

import java.util.List;

/** A rule-set document that cannot be used; {@link #problems()} lists every problem found, not just the first. */
public class InvalidRuleSetException extends RuntimeException {

    private final List<String> problems;

    /** @param problems every problem found, each a sentence naming the rule and field */
    public InvalidRuleSetException(List<String> problems) {
        super("Invalid rule set: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order, each a sentence a tariff author can act on. */
    public List<String> problems() {
        return problems;
    }
}
