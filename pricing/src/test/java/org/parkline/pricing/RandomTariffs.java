package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates valid rule-set documents and stays for the property tests. */
final class RandomTariffs {

    /** What a generated tariff may contain beyond its rate rules. */
    record Options(boolean extras, boolean dailyCap, boolean freeMinutes) {
        static final Options RATES_ONLY = new Options(false, false, false);
        static final Options EVERYTHING = new Options(true, true, true);
    }

    /** A generated case: the document (kept for failure messages), its rule set and a stay. */
    record Case(String json, RuleSet rules, Stay stay) {
        @Override
        public String toString() {
            return "stay " + stay.entryAt().atZone(stay.zone()) + " → "
                    + stay.exitAt().atZone(stay.zone()) + " "
                    + stay.vehicle() + (stay.lostTicket() ? " lost" : "") + (stay.evCharging() ? " ev" : "")
                    + " codes " + stay.promotionCodes() + " paid " + stay.alreadyPaid() + " at " + stay.lastPaidAt()
                    + "\n  under " + json;
        }
    }

    private static final List<ZoneId> ZONES =
            List.of(Fixtures.LONDON, Fixtures.NEW_YORK, Fixtures.TOKYO, ZoneId.of("Australia/Sydney"));
    /** Days around clock changes and ordinary days, so DST nights come up often. */
    private static final List<LocalDateTime> STARTS = List.of(
            LocalDateTime.parse("2026-03-02T00:00"),
            LocalDateTime.parse("2026-03-07T00:00"),
            LocalDateTime.parse("2026-03-28T00:00"),
            LocalDateTime.parse("2026-10-24T00:00"),
            LocalDateTime.parse("2026-03-07T12:00"),
            LocalDateTime.parse("2026-10-31T12:00"),
            LocalDateTime.parse("2026-04-04T00:00"));

    private static final String[] CURRENCIES = {"GBP", "USD", "JPY", "SGD"};

    private RandomTariffs() {}

    static String document(Random r, Options options) {
        String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        List<String> rules = new ArrayList<>(rateRules(r, digits));
        if (options.freeMinutes() && r.nextBoolean()) {
            rules.add("{\"id\":\"free\",\"kind\":\"FREE_MINUTES\",\"minutes\":%d,\"deducted\":%b}"
                    .formatted(5 + r.nextInt(30), r.nextBoolean()));
        }
        if (options.dailyCap()) {
            rules.add("{\"id\":\"cap\",\"kind\":\"DAILY_CAP\",\"amount\":\"%s\",\"window\":\"%s\"}"
                    .formatted(amount(r, digits, 5, 40), r.nextBoolean() ? "ROLLING_24H" : "CALENDAR_DAY"));
        }
        if (options.extras()) {
            rules.addAll(extras(r, digits));
        }
        String holidays = r.nextBoolean() ? "[\"2026-03-02\",\"2026-10-25\",\"2026-04-06\"]" : "[]";
        String promotions =
                """
                [{"code":"HALF","kind":"PERCENT","percent":50},{"code":"OFF","kind":"AMOUNT","amount":"%s"},
                 {"code":"TWO","kind":"FREE_HOURS","hours":2}]"""
                        .formatted(amount(r, digits, 1, 10));
        return "{\"currency\":\"%s\",\"holidays\":%s,\"rules\":[%s],\"promotions\":%s}"
                .formatted(currency, holidays, String.join(",", rules), promotions);
    }

    /** Rate rules with whole-hour band edges and blocks dividing an hour (or whole hours). */
    private static List<String> rateRules(Random r, int digits) {
        int[] blocks = {10, 15, 20, 30, 60, 120};
        return switch (r.nextInt(4)) {
            case 0 ->
                List.of("{\"id\":\"hourly\",\"kind\":\"HOURLY\",\"rate\":\"%s\"}".formatted(amount(r, digits, 0, 5)));
            case 1 ->
                List.of("{\"id\":\"block\",\"kind\":\"BLOCK\",\"minutes\":%d,\"rate\":\"%s\"}"
                        .formatted(blocks[r.nextInt(blocks.length)], amount(r, digits, 0, 3)));
            case 2 -> {
                int dayStart = 5 + r.nextInt(5);
                int nightStart = 17 + r.nextInt(6);
                yield List.of(
                        """
                        {"id":"bands","kind":"TIME_BANDS","bands":[
                         {"from":"%02d:00","to":"%02d:00","rate":"%s","blockMinutes":%d},
                         {"from":"%02d:00","to":"%02d:00","rate":"%s","blockMinutes":%d}]}"""
                                .formatted(
                                        dayStart,
                                        nightStart,
                                        amount(r, digits, 0, 4),
                                        blocks[r.nextInt(5)],
                                        nightStart,
                                        dayStart,
                                        amount(r, digits, 0, 2),
                                        blocks[r.nextInt(blocks.length)]));
            }
            default ->
                List.of(
                        "{\"id\":\"holiday\",\"kind\":\"HOURLY\",\"days\":[\"HOLIDAY\"],\"rate\":\"%s\",\"priority\":-1}"
                                .formatted(amount(r, digits, 0, 1)),
                        "{\"id\":\"weekday_day\",\"kind\":\"BLOCK\",\"minutes\":30,\"days\":[\"WEEKDAY\"],\"from\":\"08:00\",\"to\":\"18:00\",\"rate\":\"%s\"}"
                                .formatted(amount(r, digits, 0, 3)),
                        "{\"id\":\"other\",\"kind\":\"HOURLY\",\"rate\":\"%s\"}".formatted(amount(r, digits, 0, 2)));
        };
    }

    private static List<String> extras(Random r, int digits) {
        List<String> rules = new ArrayList<>();
        if (r.nextBoolean()) {
            rules.add("{\"id\":\"first\",\"kind\":\"FIRST_PERIOD\",\"minutes\":%d,\"amount\":\"%s\"}"
                    .formatted(30 + r.nextInt(120), amount(r, digits, 0, 6)));
        }
        if (r.nextBoolean()) {
            rules.add(
                    "{\"id\":\"night_cap\",\"kind\":\"PERIOD_CAP\",\"from\":\"22:00\",\"to\":\"07:00\",\"amount\":\"%s\"}"
                            .formatted(amount(r, digits, 1, 8)));
        }
        if (r.nextBoolean()) {
            rules.add(
                    "{\"id\":\"overnight\",\"kind\":\"OVERNIGHT_FLAT\",\"entryAfter\":\"18:00\",\"exitBefore\":\"08:00\",\"amount\":\"%s\"}"
                            .formatted(amount(r, digits, 2, 10)));
        }
        if (r.nextBoolean()) {
            rules.add(
                    "{\"id\":\"early\",\"kind\":\"ENTRY_WINDOW_FLAT\",\"days\":[\"WEEKDAY\"],\"entryFrom\":\"06:00\",\"entryTo\":\"09:00\",\"exitBefore\":\"19:00\",\"amount\":\"%s\"}"
                            .formatted(amount(r, digits, 2, 12)));
        }
        if (r.nextBoolean()) {
            rules.add("{\"id\":\"max\",\"kind\":\"MAX_STAY\",\"minutes\":%d,\"penalty\":\"%s\"}"
                    .formatted(600 + r.nextInt(3000), amount(r, digits, 0, 50)));
        }
        if (r.nextBoolean()) {
            rules.add("{\"id\":\"ev\",\"kind\":\"EV_SURCHARGE\",\"amount\":\"%s\",\"per\":\"%s\"}"
                    .formatted(amount(r, digits, 0, 3), r.nextBoolean() ? "HOUR" : "STAY"));
        }
        if (r.nextBoolean()) {
            rules.add(
                    "{\"id\":\"vehicles\",\"kind\":\"VEHICLE_MULTIPLIER\",\"factors\":{\"MOTORBIKE\":\"0.5\",\"TRUCK\":\"2.25\"}}");
        }
        if (r.nextBoolean()) {
            rules.add("{\"id\":\"lost\",\"kind\":\"LOST_TICKET\",\"amount\":\"%s\",\"mode\":\"%s\"}"
                    .formatted(amount(r, digits, 5, 60), r.nextBoolean() ? "ADD" : "GREATER_OF"));
        }
        if (r.nextBoolean()) {
            rules.add("{\"id\":\"grace\",\"kind\":\"GRACE_PERIOD\",\"minutes\":%d}".formatted(5 + r.nextInt(20)));
        }
        return rules;
    }

    /** A random amount between min and max whole units, exact in the currency (JPY amounts ×100). */
    static String amount(Random r, int digits, int min, int max) {
        if (digits == 0) {
            return String.valueOf((min + r.nextInt(max - min + 1)) * 100 + r.nextInt(10) * 10);
        }
        BigDecimal units = BigDecimal.valueOf(min * 100L + r.nextInt((max - min) * 100 + 1), 2);
        return units.setScale(digits).toPlainString();
    }

    static Instant entry(Random r, ZoneId zone) {
        LocalDateTime base = STARTS.get(r.nextInt(STARTS.size()));
        return base.plusMinutes(r.nextInt(36 * 60)).atZone(zone).toInstant();
    }

    /** Mostly short stays, sometimes several days. */
    static Duration length(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Duration.ofMinutes(r.nextInt(60));
            case 1 -> Duration.ofMinutes(r.nextInt(12 * 60));
            case 2 -> Duration.ofMinutes(r.nextInt(3 * 24 * 60));
            default -> Duration.ofSeconds(r.nextInt(5 * 24 * 3600));
        };
    }

    static ZoneId zone(Random r) {
        return ZONES.get(r.nextInt(ZONES.size()));
    }

    /** A stay with every optional fact drawn at random. */
    static Stay anyStay(Random r) {
        ZoneId zone = zone(r);
        Instant entry = entry(r, zone);
        Instant exit = entry.plus(length(r));
        VehicleClass vehicle = VehicleClass.values()[r.nextInt(VehicleClass.values().length)];
        List<String> codes = List.of("HALF", "OFF", "TWO", "BOGUS").stream()
                .filter(c -> r.nextInt(4) == 0)
                .toList();
        BigDecimal paid = BigDecimal.valueOf(r.nextInt(3000), 2);
        Instant paidAt = r.nextBoolean() ? null : exit.minus(Duration.ofMinutes(r.nextInt(40)));
        return new Stay(entry, exit, zone, vehicle, r.nextBoolean(), r.nextInt(5) == 0, codes, paid, paidAt);
    }

    static Case anyCase(Random r, Options options) {
        String json = document(r, options);
        return new Case(json, RuleSet.parse("random", json), anyStay(r));
    }

    /** A plain stay (no lost ticket, EV, codes or payments). */
    static Case plainCase(Random r, Options options) {
        String json = document(r, options);
        ZoneId zone = zone(r);
        Instant entry = entry(r, zone);
        return new Case(
                json, RuleSet.parse("random", json), Stay.of(entry, entry.plus(length(r)), zone, VehicleClass.CAR));
    }
}
