package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the document's {@code promotions} list: merchant validations and discount codes. */
final class PromotionReader {

    private static final Set<String> FIELDS =
            Set.of("code", "kind", "percent", "amount", "hours", "validFrom", "validTo", "note");

    private PromotionReader() {}

    static List<Promotion> readAll(JsonNode list, List<String> problems, Money money) {
        List<Promotion> promotions = new ArrayList<>();
        if (list == null || list.isNull()) {
            return promotions;
        }
        if (!list.isArray()) {
            problems.add("document: field \"promotions\" must be a list of {\"code\", \"kind\", …}.");
            return promotions;
        }
        Set<String> codes = new HashSet<>();
        int position = 0;
        for (JsonNode node : list.values()) {
            position++;
            String raw = node.path("code").asString("");
            String label = raw.isBlank() ? "promotion #" + position : "promotion \"" + raw + "\"";
            FieldReader f = new FieldReader(node, label, problems, money);
            int before = problems.size();
            f.allowOnly(FIELDS);
            String code = f.text("code");
            if (code != null && !codes.add(Promotion.normalize(code))) {
                f.problem("the code is defined twice (codes are matched ignoring case and spaces).");
            }
            Promotion.Kind kind = f.has("kind") ? f.choice("kind", Promotion.Kind.class, null) : null;
            if (!f.has("kind")) {
                f.problem("field \"kind\" is required: PERCENT, AMOUNT or FREE_HOURS.");
            }
            BigDecimal value = kind == null ? null : value(f, kind);
            LocalDateTime from = dateTime(f, "validFrom", false);
            LocalDateTime until = dateTime(f, "validTo", true);
            if (from != null && until != null && !from.isBefore(until)) {
                f.problem("\"validFrom\" must be before \"validTo\".");
            }
            if (problems.size() == before) {
                promotions.add(new Promotion(Promotion.normalize(code), kind, value, from, until));
            }
        }
        return promotions;
    }

    private static BigDecimal value(FieldReader f, Promotion.Kind kind) {
        return switch (kind) {
            case PERCENT -> {
                BigDecimal percent = f.number("percent");
                if (percent != null && (percent.signum() == 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    f.problem("field \"percent\" must be more than 0 and at most 100 (got %s)."
                            .formatted(percent.toPlainString()));
                }
                yield percent;
            }
            case AMOUNT -> f.amount("amount");
            case FREE_HOURS -> {
                Integer hours = f.positiveInt("hours");
                yield hours == null ? null : BigDecimal.valueOf(hours);
            }
        };
    }

    /** A date (a whole day, so validTo includes it) or a local date-time, in the lot's timezone. */
    private static LocalDateTime dateTime(FieldReader f, String field, boolean endOfDay) {
        if (!f.has(field)) {
            return null;
        }
        String text = f.text(field);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay() : date.atStartOfDay();
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            f.problem(
                    "field \"%s\" must be a date \"2026-12-24\" or a local date-time \"2026-12-24T18:00\" (got \"%s\")."
                            .formatted(field, text));
            return null;
        }
    }
}
