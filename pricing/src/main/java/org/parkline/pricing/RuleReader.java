package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads one entry of the document's {@code rules} list into its {@link Rule} kind. */
final class RuleReader {

    /** The kinds a document may use, with the fields each accepts besides id, kind, priority and note. */
    static final Map<String, Set<String>> KINDS = Map.ofEntries(
            Map.entry("FREE_MINUTES", Set.of("minutes", "deducted")),
            Map.entry("GRACE_PERIOD", Set.of("minutes")),
            Map.entry("FIRST_PERIOD", Set.of("minutes", "amount")),
            Map.entry("HOURLY", Set.of("rate", "days", "from", "to")),
            Map.entry("BLOCK", Set.of("minutes", "rate", "days", "from", "to")),
            Map.entry("TIME_BANDS", Set.of("bands", "days")),
            Map.entry("DAILY_CAP", Set.of("amount", "window")),
            Map.entry("PERIOD_CAP", Set.of("amount", "from", "to", "days")),
            Map.entry("OVERNIGHT_FLAT", Set.of("amount", "entryAfter", "exitBefore", "days")),
            Map.entry("ENTRY_WINDOW_FLAT", Set.of("amount", "entryFrom", "entryTo", "exitBefore", "days")),
            Map.entry("MAX_STAY", Set.of("minutes", "penalty")),
            Map.entry("EV_SURCHARGE", Set.of("amount", "per")),
            Map.entry("VEHICLE_MULTIPLIER", Set.of("factors")),
            Map.entry("LOST_TICKET", Set.of("amount", "mode")));

    private static final Set<String> COMMON = Set.of("id", "kind", "priority", "note");

    private RuleReader() {}

    /** The rule, or {@code null} when the entry has problems (which are added to {@code problems}). */
    static Rule read(JsonNode node, int position, List<String> problems, Money money) {
        String id = node.path("id").asString("");
        String kind = node.path("kind").asString("");
        String label = id.isBlank() ? "rule #" + position : "rule \"" + id + "\"";
        if (!node.isObject()) {
            problems.add(label + ": must be an object with \"id\" and \"kind\".");
            return null;
        }
        int before = problems.size();
        if (id.isBlank()) {
            problems.add(label + ": field \"id\" is required, e.g. \"weekday_hourly\".");
        }
        if (!KINDS.containsKey(kind)) {
            problems.add(label + ": unknown kind " + node.path("kind") + "; use one of "
                    + KINDS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ".");
            return null;
        }
        FieldReader f = new FieldReader(node, label + " (" + kind + ")", problems, money);
        f.allowOnly(Stream.concat(COMMON.stream(), KINDS.get(kind).stream()).collect(Collectors.toSet()));
        Rule rule = kind(kind, id, f);
        return problems.size() == before ? rule : null;
    }

    private static Rule kind(String kind, String id, FieldReader f) {
        int p = f.priority();
        return switch (kind) {
            case "FREE_MINUTES" ->
                new Rule.FreeMinutes(id, p, intOr0(f.positiveInt("minutes")), f.flag("deducted", false));
            case "GRACE_PERIOD" -> new Rule.GracePeriod(id, p, intOr0(f.positiveInt("minutes")));
            case "FIRST_PERIOD" -> new Rule.FirstPeriod(id, p, intOr0(f.positiveInt("minutes")), f.amount("amount"));
            case "HOURLY" -> new Rule.Rate(id, p, f.days(), f.band("from", "to", false), 60, f.amount("rate"));
            case "BLOCK" ->
                new Rule.Rate(
                        id,
                        p,
                        f.days(),
                        f.band("from", "to", false),
                        intOr0(f.positiveInt("minutes")),
                        f.amount("rate"));
            case "TIME_BANDS" -> new Rule.TimeBands(id, p, f.days(), bands(f));
            case "DAILY_CAP" ->
                new Rule.DailyCap(
                        id,
                        p,
                        f.amount("amount"),
                        f.choice("window", Rule.CapWindow.class, Rule.CapWindow.ROLLING_24H));
            case "PERIOD_CAP" -> new Rule.PeriodCap(id, p, f.days(), f.band("from", "to", true), f.amount("amount"));
            case "OVERNIGHT_FLAT" -> flat(id, p, f, "entryAfter", "exitBefore");
            case "ENTRY_WINDOW_FLAT" -> flat(id, p, f, "entryFrom", "entryTo");
            case "MAX_STAY" ->
                new Rule.MaxStay(id, p, intOr0(f.positiveInt("minutes")), f.optionalAmount("penalty", BigDecimal.ZERO));
            case "EV_SURCHARGE" ->
                new Rule.EvSurcharge(
                        id,
                        p,
                        f.amount("amount"),
                        f.choice("per", Rule.EvSurcharge.Per.class, Rule.EvSurcharge.Per.STAY));
            case "VEHICLE_MULTIPLIER" -> new Rule.VehicleMultiplier(id, p, factors(f));
            case "LOST_TICKET" ->
                new Rule.LostTicketFee(
                        id,
                        p,
                        f.amount("amount"),
                        f.choice("mode", Rule.LostTicketFee.Mode.class, Rule.LostTicketFee.Mode.ADD));
            default -> throw new IllegalStateException("kind listed but not read: " + kind);
        };
    }

    private static Rule flat(String id, int priority, FieldReader f, String fromField, String toField) {
        TimeBand entryWindow = f.band(fromField, toField, true);
        Integer exitBy = f.time("exitBefore", true);
        return new Rule.FlatWindow(
                id, priority, f.days(), entryWindow, exitBy == null ? 0 : exitBy % 1440, f.amount("amount"));
    }

    private static List<Rule.TimeBands.Band> bands(FieldReader f) {
        JsonNode list = f.node("bands");
        List<Rule.TimeBands.Band> bands = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            f.problem("field \"bands\" is required: a list of {\"from\", \"to\", \"rate\"} covering the whole day.");
            return bands;
        }
        int n = 0;
        for (JsonNode node : list.values()) {
            n++;
            FieldReader b = f.child(node, "band " + n);
            b.allowOnly(Set.of("from", "to", "rate", "blockMinutes"));
            TimeBand band = b.band("from", "to", true);
            Integer block = b.optionalPositiveInt("blockMinutes", 60);
            BigDecimal rate = b.amount("rate");
            bands.add(new Rule.TimeBands.Band(band, intOr0(block), rate));
        }
        BandTiling.check(f, bands);
        return bands;
    }

    private static Map<VehicleClass, BigDecimal> factors(FieldReader f) {
        JsonNode node = f.node("factors");
        Map<VehicleClass, BigDecimal> factors = new EnumMap<>(VehicleClass.class);
        if (node == null || !node.isObject() || node.isEmpty()) {
            f.problem("field \"factors\" is required: an object such as {\"MOTORBIKE\": \"0.5\", \"TRUCK\": \"2\"}.");
            return factors;
        }
        FieldReader inner = f.child(node, "factors");
        for (String name : node.propertyNames()) {
            VehicleClass vehicle = FieldReader.enumValue(VehicleClass.class, name);
            if (vehicle == null) {
                f.problem("field \"factors\" names unknown vehicle class \"%s\"; use CAR, MOTORBIKE, TRUCK or EV."
                        .formatted(name));
            } else {
                factors.put(vehicle, inner.number(name));
            }
        }
        return factors;
    }

    /** The document's name for a kind, for messages. */
    static String kindName(Class<? extends Rule> kind) {
        return switch (kind.getSimpleName()) {
            case "FreeMinutes" -> "FREE_MINUTES";
            case "GracePeriod" -> "GRACE_PERIOD";
            case "FirstPeriod" -> "FIRST_PERIOD";
            case "DailyCap" -> "DAILY_CAP";
            case "MaxStay" -> "MAX_STAY";
            case "EvSurcharge" -> "EV_SURCHARGE";
            case "VehicleMultiplier" -> "VEHICLE_MULTIPLIER";
            case "LostTicketFee" -> "LOST_TICKET";
            default -> kind.getSimpleName();
        };
    }

    private static int intOr0(Integer value) {
        return value == null ? 0 : value;
    }
}
