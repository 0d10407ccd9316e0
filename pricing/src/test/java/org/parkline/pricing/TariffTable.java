package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;

/** Runs one row of a real-world tariff table: local entry and exit, a flag, the fee worked out by hand. */
final class TariffTable {

    private TariffTable() {}

    /** @param flag "-" for a plain car, LOST, EV, or a vehicle class such as TRUCK */
    static void check(RuleSet rules, ZoneId zone, String entry, String exit, String flag, String expected) {
        Stay stay = Fixtures.stay(entry, exit, zone);
        stay = switch (flag) {
            case "-" -> stay;
            case "LOST" -> Fixtures.lost(stay);
            case "EV" -> Fixtures.charging(stay);
            default -> Fixtures.vehicle(stay, VehicleClass.valueOf(flag));
        };
        Quote quote = Fixtures.quote(rules, stay);
        assertThat(quote.total())
                .as("%s → %s %s: %s", entry, exit, flag, quote.breakdown())
                .isEqualTo(new BigDecimal(expected));
    }
}
