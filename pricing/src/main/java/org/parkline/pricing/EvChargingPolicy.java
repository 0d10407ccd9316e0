package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** EV charging adds its surcharge once per stay, or per started hour of the whole stay. */
final class EvChargingPolicy implements Adjustment {

    private final Tariff tariff;

    EvChargingPolicy(Tariff tariff) {
        this.tariff = tariff;
    }

    @Override
    public BigDecimal apply(Stay stay, BigDecimal running, List<QuoteLine> lines) {
        var rule = tariff.single(Rule.EvSurcharge.class);
        if (!stay.evCharging() || rule.isEmpty()) {
            return running;
        }
        BigDecimal amount = tariff.money().round(rule.get().amount());
        BigDecimal surcharge =
                switch (rule.get().per()) {
                    case STAY -> amount;
                    case HOUR -> amount.multiply(BigDecimal.valueOf(startedHours(stay)));
                };
        lines.add(new QuoteLine(rule.get().id(), stay.entryAt(), stay.exitAt(), surcharge));
        return running.add(surcharge);
    }

    private static long startedHours(Stay stay) {
        long seconds = Duration.between(stay.entryAt(), stay.exitAt()).toSeconds();
        return (seconds + 3599) / 3600;
    }
}
