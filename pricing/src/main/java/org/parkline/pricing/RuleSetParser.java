package org.parkline.pricing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Turns a rule-set document into a {@link Tariff}, collecting every problem before giving up. */
final class RuleSetParser {

    private static final Set<String> TOP_LEVEL =
            Set.of("currency", "rules", "holidays", "weekendDays", "promotions", "name", "description");

    /** Kinds that make no sense twice in one tariff. */
    private static final Set<Class<? extends Rule>> AT_MOST_ONCE = Set.of(
            Rule.FreeMinutes.class,
            Rule.GracePeriod.class,
            Rule.FirstPeriod.class,
            Rule.DailyCap.class,
            Rule.MaxStay.class,
            Rule.EvSurcharge.class,
            Rule.VehicleMultiplier.class,
            Rule.LostTicketFee.class);

    private final List<String> problems = new ArrayList<>();

    /** The tariff, or throws listing every problem found. */
    static Tariff parse(JsonNode root) {
        return new RuleSetParser().read(root);
    }

    private Tariff read(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidRuleSetException(
                    List.of("document: must be a JSON object with \"currency\" and \"rules\"."));
        }
        FieldReader doc = new FieldReader(root, "document", problems, null);
        doc.allowOnly(TOP_LEVEL);
        Money money = currency(doc);
        DayCalendar calendar = new DayCalendar(holidays(doc), weekendDays(doc));
        List<Rule> rules = rules(root.get("rules"), money);
        List<Promotion> promotions = PromotionReader.readAll(root.get("promotions"), problems, money);
        if (problems.isEmpty()) {
            crossCheck(rules, calendar);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleSetException(problems);
        }
        return new Tariff(money, calendar, rules, promotions);
    }

    private Money currency(FieldReader doc) {
        String code = doc.text("currency");
        if (code == null) {
            return null;
        }
        try {
            return new Money(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            doc.problem("field \"currency\" must be an ISO 4217 code such as \"SGD\" or \"JPY\" (got \"%s\")."
                    .formatted(code));
            return null;
        }
    }

    private Set<LocalDate> holidays(FieldReader doc) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        JsonNode list = doc.node("holidays");
        if (list == null || list.isNull()) {
            return dates;
        }
        if (!list.isArray()) {
            doc.problem("field \"holidays\" must be a list of dates such as [\"2026-12-25\"].");
            return dates;
        }
        for (JsonNode date : list.values()) {
            try {
                dates.add(LocalDate.parse(date.asString("")));
            } catch (DateTimeParseException e) {
                doc.problem("field \"holidays\" has %s, which is not a date YYYY-MM-DD.".formatted(date));
            }
        }
        return dates;
    }

    private Set<DayOfWeek> weekendDays(FieldReader doc) {
        JsonNode list = doc.node("weekendDays");
        if (list == null || list.isNull()) {
            return DayCalendar.SATURDAY_SUNDAY;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!list.isArray()) {
            doc.problem("field \"weekendDays\" must be a list such as [\"SATURDAY\", \"SUNDAY\"].");
            return days;
        }
        for (JsonNode day : list.values()) {
            DayOfWeek value = FieldReader.enumValue(DayOfWeek.class, day.asString(""));
            if (value == null) {
                doc.problem("field \"weekendDays\" has %s; use MONDAY … SUNDAY.".formatted(day));
            } else {
                days.add(value);
            }
        }
        return days;
    }

    private List<Rule> rules(JsonNode list, Money money) {
        List<Rule> rules = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("document: field \"rules\" is required: a non-empty list of rules.");
            return rules;
        }
        Map<String, Integer> firstPosition = new HashMap<>();
        int position = 0;
        for (JsonNode node : list.values()) {
            position++;
            String id = node.path("id").asString("");
            Integer earlier = id.isBlank() ? null : firstPosition.putIfAbsent(id, position);
            if (earlier != null) {
                problems.add("rule \"%s\": the id is used by rules #%d and #%d; give each rule its own id."
                        .formatted(id, earlier, position));
            }
            Rule rule = RuleReader.read(node, position, problems, money);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private void crossCheck(List<Rule> rules, DayCalendar calendar) {
        for (Class<? extends Rule> kind : AT_MOST_ONCE) {
            List<String> ids =
                    rules.stream().filter(kind::isInstance).map(Rule::id).toList();
            if (ids.size() > 1) {
                problems.add("rules %s are all %s; a rule set may have only one of that kind."
                        .formatted(ids, RuleReader.kindName(kind)));
            }
        }
        Set<DayType> dayTypes = EnumSet.of(DayType.WEEKDAY);
        if (!calendar.weekendDays().isEmpty()) {
            dayTypes.add(DayType.WEEKEND);
        }
        if (!calendar.holidays().isEmpty()) {
            dayTypes.add(DayType.HOLIDAY);
        }
        Tariff probe = new Tariff(null, calendar, rules, List.of());
        if (probe.rateRules().isEmpty()) {
            problems.add("rules: at least one rate rule (HOURLY, BLOCK or TIME_BANDS) is required to price time.");
        } else {
            BandTiling.checkRateCoverage(probe.rateRules(), dayTypes, problems);
        }
    }
}
