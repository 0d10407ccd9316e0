package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Builders shared by the tests: stays written as local wall-clock times in the lot's zone. */
final class Fixtures {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    static final PricingEngine ENGINE = new PricingEngine();

    private Fixtures() {}

    static RuleSet rules(String json) {
        return RuleSet.parse("test-1", json);
    }

    /** A local wall-clock time such as {@code 2026-03-02T09:00}; in an overlap, the earlier offset. */
    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static Stay stay(String entry, String exit, ZoneId zone) {
        return Stay.of(at(entry, zone), at(exit, zone), zone, VehicleClass.CAR);
    }

    static Stay stay(String entry, String exit) {
        return stay(entry, exit, LONDON);
    }

    static Stay vehicle(Stay stay, VehicleClass vehicle) {
        return new Stay(
                stay.entryAt(),
                stay.exitAt(),
                stay.zone(),
                vehicle,
                stay.evCharging(),
                stay.lostTicket(),
                stay.promotionCodes(),
                stay.alreadyPaid(),
                stay.lastPaidAt());
    }

    static Stay lost(Stay stay) {
        return new Stay(
                stay.entryAt(),
                stay.exitAt(),
                stay.zone(),
                stay.vehicle(),
                stay.evCharging(),
                true,
                stay.promotionCodes(),
                stay.alreadyPaid(),
                stay.lastPaidAt());
    }

    static Stay charging(Stay stay) {
        return new Stay(
                stay.entryAt(),
                stay.exitAt(),
                stay.zone(),
                stay.vehicle(),
                true,
                stay.lostTicket(),
                stay.promotionCodes(),
                stay.alreadyPaid(),
                stay.lastPaidAt());
    }

    static Stay codes(Stay stay, String... codes) {
        return new Stay(
                stay.entryAt(),
                stay.exitAt(),
                stay.zone(),
                stay.vehicle(),
                stay.evCharging(),
                stay.lostTicket(),
                List.of(codes),
                stay.alreadyPaid(),
                stay.lastPaidAt());
    }

    static Stay paid(Stay stay, String amount, Instant at) {
        return new Stay(
                stay.entryAt(),
                stay.exitAt(),
                stay.zone(),
                stay.vehicle(),
                stay.evCharging(),
                stay.lostTicket(),
                stay.promotionCodes(),
                new BigDecimal(amount),
                at);
    }

    static Quote quote(RuleSet rules, Stay stay) {
        return ENGINE.quote(rules, stay);
    }

    static BigDecimal total(RuleSet rules, Stay stay) {
        return quote(rules, stay).total();
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
