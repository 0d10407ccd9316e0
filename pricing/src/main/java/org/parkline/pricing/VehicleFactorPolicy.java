package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.List;

/** Scales the parking charge by the vehicle class's factor, rounding the scaled charge HALF_UP to the minor unit. */
final class VehicleFactorPolicy implements Adjustment {

    private final Tariff tariff;

    VehicleFactorPolicy(Tariff tariff) {
        this.tariff = tariff;
    }

    @Override
    public BigDecimal apply(Stay stay, BigDecimal running, List<QuoteLine> lines) {
        var rule = tariff.single(Rule.VehicleMultiplier.class);
        if (rule.isEmpty() || !rule.get().factors().containsKey(stay.vehicle())) {
            return running;
        }
        BigDecimal factor = rule.get().factors().get(stay.vehicle());
        if (factor.compareTo(BigDecimal.ONE) == 0) {
            return running;
        }
        BigDecimal scaled = tariff.money().round(running.multiply(factor));
        lines.add(new QuoteLine(rule.get().id(), stay.entryAt(), stay.exitAt(), scaled.subtract(running)));
        return scaled;
    }
}
