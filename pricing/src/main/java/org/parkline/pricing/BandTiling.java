package org.parkline.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks that bands cover the 24 hours of a day: exactly once for a TIME_BANDS table, at least once for all rate rules. */
final class BandTiling {

    private BandTiling() {}

    /** Reports gaps and overlaps between the bands of one TIME_BANDS rule. */
    static void check(FieldReader rule, List<Rule.TimeBands.Band> bands) {
        int[] count = new int[1440];
        List<Set<Integer>> owners = new ArrayList<>();
        for (int m = 0; m < 1440; m++) {
            owners.add(new TreeSet<>());
        }
        for (int i = 0; i < bands.size(); i++) {
            TimeBand band = bands.get(i).band();
            if (band == null) {
                return; // already reported; tiling of a broken table would only add noise
            }
            for (int m = 0; m < 1440; m++) {
                if (band.containsMinute(m)) {
                    count[m]++;
                    owners.get(m).add(i + 1);
                }
            }
        }
        for (int[] range : ranges(count, c -> c == 0)) {
            rule.problem("no band covers %s–%s; the bands must cover the whole day without gaps."
                    .formatted(TimeBand.format(range[0]), TimeBand.format(range[1])));
        }
        for (int[] range : ranges(count, c -> c > 1)) {
            rule.problem("bands %s overlap at %s–%s; each minute of the day must belong to exactly one band."
                    .formatted(owners.get(range[0]), TimeBand.format(range[0]), TimeBand.format(range[1])));
        }
    }

    /** Reports each day type and time of day that no rate rule prices. */
    static void checkRateCoverage(List<Rule> rateRules, Set<DayType> dayTypes, List<String> problems) {
        for (DayType day : dayTypes) {
            int[] count = new int[1440];
            for (Rule rule : rateRules) {
                for (TimeBand band : bandsOn(rule, day)) {
                    for (int m = 0; m < 1440; m++) {
                        count[m] += band.containsMinute(m) ? 1 : 0;
                    }
                }
            }
            for (int[] range : ranges(count, c -> c == 0)) {
                problems.add(("rules: no rate rule (HOURLY, BLOCK or TIME_BANDS) prices %s %s–%s; add one, or widen the"
                                + " \"days\" or \"from\"/\"to\" of an existing one.")
                        .formatted(day, TimeBand.format(range[0]), TimeBand.format(range[1])));
            }
        }
    }

    private static List<TimeBand> bandsOn(Rule rule, DayType day) {
        return switch (rule) {
            case Rule.Rate r when r.days().isEmpty() || r.days().contains(day) -> List.of(r.band());
            case Rule.TimeBands t
            when t.days().isEmpty() || t.days().contains(day) ->
                t.bands().stream().map(Rule.TimeBands.Band::band).toList();
            default -> List.of();
        };
    }

    /** Maximal runs of minutes whose count satisfies the test, as [from, to) pairs. */
    private static List<int[]> ranges(int[] count, java.util.function.IntPredicate test) {
        List<int[]> ranges = new ArrayList<>();
        int start = -1;
        for (int m = 0; m <= 1440; m++) {
            boolean in = m < 1440 && test.test(count[m]);
            if (in && start < 0) {
                start = m;
            } else if (!in && start >= 0) {
                ranges.add(new int[] {start, m});
                start = -1;
            }
        }
        return ranges;
    }
}
