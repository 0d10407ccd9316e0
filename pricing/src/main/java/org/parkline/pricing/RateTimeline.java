package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a period into segments, each priced by one rate (a rate rule, or one band of a TIME_BANDS
 * table): at every instant the first rate rule in priority order whose days and band match the
 * local date and time claims it. Walks real instants in the lot's zone, so a 23 h or 25 h day
 * simply has fewer or more hours in its bands.
 */
final class RateTimeline {

    /** Which rate priced a segment: adjacent segments with the same rate merge, so blocks do not restart. */
    record Rate(String ruleId, int bandIndex, int blockMinutes, BigDecimal price) {}

    record Segment(Rate rate, Instant from, Instant to) {}

    private final List<Rule> rateRules;
    private final DayCalendar calendar;
    private final int[] edges;

    RateTimeline(List<Rule> rateRules, DayCalendar calendar) {
        this.rateRules = rateRules;
        this.calendar = calendar;
        TreeSet<Integer> minutes = new TreeSet<>();
        for (Rule rule : rateRules) {
            for (TimeBand band : bands(rule)) {
                minutes.add(band.fromMinute() % 1440);
                minutes.add(band.toMinute() % 1440);
            }
        }
        minutes.remove(0); // midnight is always a boundary: the day type may change there
        this.edges = minutes.stream().mapToInt(Integer::intValue).toArray();
    }

    List<Segment> segments(Instant from, Instant to, ZoneId zone) {
        List<Segment> segments = new ArrayList<>();
        Instant t = from;
        while (t.isBefore(to)) {
            ZonedDateTime local = t.atZone(zone);
            Rate rate = rateAt(local);
            Instant next = min(nextBoundary(t, local, zone), to);
            Segment last = segments.isEmpty() ? null : segments.getLast();
            if (last != null && last.rate().equals(rate) && last.to().equals(t)) {
                segments.set(segments.size() - 1, new Segment(rate, last.from(), next));
            } else {
                segments.add(new Segment(rate, t, next));
            }
            t = next;
        }
        return segments;
    }

    private Rate rateAt(ZonedDateTime local) {
        LocalDate date = local.toLocalDate();
        int second = local.toLocalTime().toSecondOfDay();
        for (Rule rule : rateRules) {
            switch (rule) {
                case Rule.Rate r
                when calendar.admits(r.days(), date) && r.band().contains(second) -> {
                    return new Rate(r.id(), 0, r.blockMinutes(), r.rate());
                }
                case Rule.TimeBands t
                when calendar.admits(t.days(), date) -> {
                    for (int i = 0; i < t.bands().size(); i++) {
                        Rule.TimeBands.Band band = t.bands().get(i);
                        if (band.band().contains(second)) {
                            return new Rate(t.id(), i + 1, band.blockMinutes(), band.rate());
                        }
                    }
                }
                default -> {}
            }
        }
        // unreachable for a parsed tariff: parsing checks that rate rules cover every day type all day
        throw new IllegalStateException("no rate rule prices " + local);
    }

    /** The next instant after {@code t} at which the matching rate may change: a band edge or midnight. */
    private Instant nextBoundary(Instant t, ZonedDateTime local, ZoneId zone) {
        LocalDate date = local.toLocalDate();
        Instant next = date.plusDays(1).atStartOfDay(zone).toInstant();
        // a clock change moves the wall clock past (or back over) band edges without reaching them
        ZoneOffsetTransition change = zone.getRules().nextTransition(t);
        if (change != null) {
            next = earliestAfter(t, change.getInstant(), next);
        }
        for (int edge : edges) {
            var wallClock = date.atTime(edge / 60, edge % 60);
            for (ZoneOffset offset : zone.getRules().getValidOffsets(wallClock)) { // none in a gap, two in an overlap
                next = earliestAfter(t, wallClock.toInstant(offset), next);
            }
        }
        return next;
    }

    private static Instant earliestAfter(Instant t, Instant candidate, Instant best) {
        return candidate.isAfter(t) && candidate.isBefore(best) ? candidate : best;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<TimeBand> bands(Rule rule) {
        return switch (rule) {
            case Rule.Rate r -> List.of(r.band());
            case Rule.TimeBands t ->
                t.bands().stream().map(Rule.TimeBands.Band::band).toList();
            default -> List.of();
        };
    }
}
