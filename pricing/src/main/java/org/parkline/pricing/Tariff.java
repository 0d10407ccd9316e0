package org.parkline.pricing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The parsed, validated model of a rule-set document; rules sorted by priority, then document order. */
record Tariff(Money money, DayCalendar calendar, List<Rule> rules, List<Promotion> promotions) {

    Tariff {
        rules = rules.stream().sorted(Comparator.comparingInt(Rule::priority)).toList();
        promotions = List.copyOf(promotions);
    }

    /** The rules of one kind, in application order. */
    <R extends Rule> List<R> all(Class<R> kind) {
        return rules.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The only rule of a kind that may appear at most once. */
    <R extends Rule> Optional<R> single(Class<R> kind) {
        return all(kind).stream().findFirst();
    }

    /** Rules that price time on the timeline, in the order they claim it. */
    List<Rule> rateRules() {
        return rules.stream()
                .filter(r -> r instanceof Rule.Rate || r instanceof Rule.TimeBands)
                .toList();
    }
}
