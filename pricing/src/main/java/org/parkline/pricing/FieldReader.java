package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object of a rule-set document. Each problem is added to the shared
 * list as a sentence naming where it is and which field; the reader returns {@code null} (or the
 * default) and carries on so that every problem of the document is reported at once.
 */
final class FieldReader {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

    private final JsonNode node;
    private final String where;
    private final List<String> problems;
    private final Money money;

    /**
     * @param where how a tariff author finds this object, e.g. {@code rule "day_rate" (HOURLY)}
     * @param money the document's currency, or {@code null} when it is itself invalid
     */
    FieldReader(JsonNode node, String where, List<String> problems, Money money) {
        this.node = node;
        this.where = where;
        this.problems = problems;
        this.money = money;
    }

    String where() {
        return where;
    }

    /** A reader for a nested object, reporting into the same list under a longer location. */
    FieldReader child(JsonNode nested, String label) {
        return new FieldReader(nested, where + " " + label, problems, money);
    }

    void problem(String sentence) {
        problems.add(where + ": " + sentence);
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Reports every field not in {@code allowed}: usually a typo that would otherwise be silently ignored. */
    void allowOnly(Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problem("unknown field \"%s\"; the fields allowed here are %s."
                        .formatted(name, String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }

    String text(String field) {
        if (!has(field)) {
            problem("field \"%s\" is required.".formatted(field));
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            problem("field \"%s\" must be a non-empty string (got %s).".formatted(field, value));
            return null;
        }
        return value.stringValue();
    }

    /** A money amount: a decimal string such as "2.60" (or a JSON number), not negative, exact in the currency. */
    BigDecimal amount(String field) {
        if (!has(field)) {
            problem("field \"%s\" is required: give an amount such as \"2.60\".".formatted(field));
            return null;
        }
        return decimal(field, true);
    }

    BigDecimal optionalAmount(String field, BigDecimal fallback) {
        return has(field) ? decimal(field, true) : fallback;
    }

    /** A non-negative decimal that is not money (factors, percentages). */
    BigDecimal number(String field) {
        if (!has(field)) {
            problem("field \"%s\" is required.".formatted(field));
            return null;
        }
        return decimal(field, false);
    }

    private BigDecimal decimal(String field, boolean isMoney) {
        JsonNode value = node.get(field);
        BigDecimal amount;
        try {
            amount = value.isNumber()
                    ? value.decimalValue()
                    : new BigDecimal(value.asString().trim());
        } catch (NumberFormatException | UnsupportedOperationException e) {
            problem("field \"%s\" must be a decimal number such as \"2.60\" (got %s).".formatted(field, value));
            return null;
        }
        if (amount.signum() < 0) {
            problem("field \"%s\" must not be negative (got %s).".formatted(field, amount.toPlainString()));
            return null;
        }
        if (isMoney && money != null && !money.isExact(amount)) {
            problem("field \"%s\" has more decimal places than %s allows (%d): %s."
                    .formatted(field, money.currency().getCurrencyCode(), money.digits(), amount.toPlainString()));
            return null;
        }
        return amount;
    }

    /** A whole number of minutes (or hours) greater than zero. */
    Integer positiveInt(String field) {
        if (!has(field)) {
            problem("field \"%s\" is required: give a whole number greater than zero.".formatted(field));
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
            problem("field \"%s\" must be a whole number greater than zero (got %s).".formatted(field, value));
            return null;
        }
        return value.intValue();
    }

    Integer optionalPositiveInt(String field, int fallback) {
        return has(field) ? positiveInt(field) : Integer.valueOf(fallback);
    }

    int priority() {
        if (!has("priority")) {
            return 0;
        }
        JsonNode value = node.get("priority");
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem("field \"priority\" must be a whole number (got %s).".formatted(value));
            return 0;
        }
        return value.intValue();
    }

    boolean flag(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (!node.get(field).isBoolean()) {
            problem("field \"%s\" must be true or false (got %s).".formatted(field, node.get(field)));
            return fallback;
        }
        return node.get(field).booleanValue();
    }

    /** A local time "HH:mm" as minutes of the day; "24:00" only where {@code endOfDayAllowed}. */
    Integer time(String field, boolean endOfDayAllowed) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        var match = TIME.matcher(text.trim());
        int minute = match.matches() ? Integer.parseInt(match.group(1)) * 60 + Integer.parseInt(match.group(2)) : -1;
        if (minute < 0 || minute > 1440 || (minute == 1440 && !endOfDayAllowed)) {
            String allowed = endOfDayAllowed ? "\"00:00\" to \"24:00\"" : "\"00:00\" to \"23:59\"";
            problem("field \"%s\" must be a time of day HH:mm from %s (got \"%s\").".formatted(field, allowed, text));
            return null;
        }
        return minute;
    }

    /** A band from two time fields; the whole day when both are absent. */
    TimeBand band(String fromField, String toField, boolean required) {
        if (!required && !has(fromField) && !has(toField)) {
            return TimeBand.WHOLE_DAY;
        }
        Integer from = time(fromField, false);
        Integer to = time(toField, true);
        if (from == null || to == null) {
            return null;
        }
        if (from.equals(to)) {
            problem("fields \"%s\" and \"%s\" are both %s, an empty band; use \"00:00\" to \"24:00\" for the whole day."
                    .formatted(fromField, toField, TimeBand.format(from)));
            return null;
        }
        // "to": "00:00" and "24:00" both mean midnight at the end of the band's day
        return new TimeBand(from, to == 0 ? 1440 : to);
    }

    /** The optional day filter: a list of WEEKDAY, WEEKEND, HOLIDAY; absent or empty means every day. */
    Set<DayType> days() {
        if (!has("days")) {
            return Set.of();
        }
        JsonNode value = node.get("days");
        if (!value.isArray()) {
            problem("field \"days\" must be a list such as [\"WEEKDAY\", \"HOLIDAY\"] (got %s).".formatted(value));
            return Set.of();
        }
        Set<DayType> days = EnumSet.noneOf(DayType.class);
        for (JsonNode day : value.values()) {
            DayType type = enumValue(DayType.class, day.asString(""));
            if (type == null) {
                problem("field \"days\" has %s; use WEEKDAY, WEEKEND or HOLIDAY.".formatted(day));
            } else {
                days.add(type);
            }
        }
        return days;
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
        if (!has(field)) {
            return fallback;
        }
        String text = node.get(field).asString("");
        E value = enumValue(type, text);
        if (value == null) {
            Set<String> names = new LinkedHashSet<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            problem("field \"%s\" must be one of %s (got %s)."
                    .formatted(field, String.join(", ", names), node.get(field)));
            return fallback;
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        return null;
    }

    JsonNode node(String field) {
        return node.get(field);
    }
}
