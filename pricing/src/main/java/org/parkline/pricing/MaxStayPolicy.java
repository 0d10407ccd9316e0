package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A stay past the maximum adds the penalty; with a zero penalty the line alone flags the overstay. */
final class MaxStayPolicy implements Adjustment {

    private final Tariff tariff;

    MaxStayPolicy(Tariff tariff) {
        this.tariff = tariff;
    }

    @Override
    public BigDecimal apply(Stay stay, BigDecimal running, List<QuoteLine> lines) {
        var rule = tariff.single(Rule.MaxStay.class);
        if (rule.isEmpty()) {
            return running;
        }
        Instant limit = stay.entryAt().plus(Duration.ofMinutes(rule.get().minutes()));
        if (!stay.exitAt().isAfter(limit)) {
            return running;
        }
        BigDecimal penalty = tariff.money().round(rule.get().penalty());
        lines.add(new QuoteLine(rule.get().id(), limit, stay.exitAt(), penalty));
        return running.add(penalty);
    }
}
