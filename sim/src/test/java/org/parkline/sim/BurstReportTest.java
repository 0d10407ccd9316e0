package org.parkline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BurstReportTest {

    @Test
    void percentilesComeFromTheHistogramInMilliseconds() {
        PhaseStats stats = new PhaseStats("entry");
        for (int ms = 1; ms <= 100; ms++) {
            stats.succeeded(ms * 1_000_000L);
        }
        stats.refused("lot-full", 3_000_000L);
        stats.unanswered("timeout");

        PhaseSummary summary = stats.summary(Duration.ofSeconds(2));

        assertThat(summary.requests()).isEqualTo(102);
        assertThat(summary.ok()).isEqualTo(100);
        assertThat(summary.timed()).isEqualTo(101);
        assertThat(summary.outcomes()).containsExactly(Map.entry("lot-full", 1L), Map.entry("timeout", 1L));
        assertThat(summary.p50Micros()).isBetween(49_900L, 50_100L);
        assertThat(summary.p99Micros()).isBetween(98_900L, 99_100L);
        assertThat(summary.maxMicros()).isBetween(99_900L, 100_100L);
        assertThat(summary.throughput()).isEqualTo(51.0);
    }

    @Test
    void printsOneRowPerPhaseAndWhatWasNotOk() {
        Map<String, Long> outcomes = new TreeMap<>(Map.of("lot-full", 100L, "timeout", 2L));
        PhaseSummary entry = new PhaseSummary(
                "entry", 600, 498, outcomes, Duration.ofMillis(2_500), 598, 12_345, 45_600, 78_900, 123_456);
        PhaseSummary idle = new PhaseSummary("entry-replay", 0, 0, Map.of(), Duration.ofMillis(2_500), 0, 0, 0, 0, 0);

        String report = BurstReport.phases(List.of(entry, idle));

        assertThat(report.lines().toList())
                .containsExactly(
                        "phase          requests        ok    not ok      req/s    p50 ms    p95 ms    p99 ms    max ms    wall s",
                        "entry               600       498       102      240.0      12.3      45.6      78.9     123.5      2.50",
                        "entry-replay          0         0         0        0.0         -         -         -         -      2.50",
                        "  entry not ok: lot-full=100, timeout=2");
    }

    @Test
    void checksPrintAsPassAndFailLines() {
        String printed = BurstReport.checks(List.of(
                CheckResult.of("no spot has two ACTIVE tickets", true, ""),
                CheckResult.of("every spot is AVAILABLE after the exits", false, "2 found, e.g. S_1 OCCUPIED")));

        assertThat(printed.lines().toList())
                .containsExactly(
                        "PASS no spot has two ACTIVE tickets",
                        "FAIL every spot is AVAILABLE after the exits (2 found, e.g. S_1 OCCUPIED)");
    }

    @Test
    void serverErrorsFailTheRunEvenWithoutADatabase() {
        PhaseSummary pay =
                new PhaseSummary("pay", 10, 9, Map.of("http-500", 1L), Duration.ofSeconds(1), 10, 1, 1, 1, 1);
        PhaseSummary exit =
                new PhaseSummary("exit", 10, 9, Map.of("already-exited", 1L), Duration.ofSeconds(1), 10, 1, 1, 1, 1);

        assertThat(StadiumBurst.everyRequestAnswered(List.of(exit), 0).passed()).isTrue();
        assertThat(StadiumBurst.everyRequestAnswered(List.of(pay, exit), 0).passed())
                .isFalse();
        assertThat(StadiumBurst.everyRequestAnswered(List.of(exit), 1).passed()).isFalse();
    }
}
