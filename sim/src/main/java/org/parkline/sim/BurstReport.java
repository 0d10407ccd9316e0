package org.parkline.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Renders phase summaries and invariant results as the plain-text report the benchmark prints. */
final class BurstReport {

    private static final String ROW = "%-13s %9s %9s %9s %10s %9s %9s %9s %9s %9s%n";

    private BurstReport() {}

    static String phases(List<PhaseSummary> phases) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                ROW,
                "phase",
                "requests",
                "ok",
                "not ok",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "wall s"));
        for (PhaseSummary phase : phases) {
            long notOk = phase.requests() - phase.ok();
            out.append(String.format(
                    Locale.ROOT,
                    ROW,
                    phase.name(),
                    phase.requests(),
                    phase.ok(),
                    notOk,
                    String.format(Locale.ROOT, "%.1f", phase.throughput()),
                    millis(phase.timed(), phase.p50Micros()),
                    millis(phase.timed(), phase.p95Micros()),
                    millis(phase.timed(), phase.p99Micros()),
                    millis(phase.timed(), phase.maxMicros()),
                    String.format(Locale.ROOT, "%.2f", phase.wallTime().toMillis() / 1000.0)));
        }
        for (PhaseSummary phase : phases) {
            if (!phase.outcomes().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %s not ok: %s%n", phase.name(), outcomes(phase.outcomes())));
            }
        }
        return out.toString();
    }

    /** A latency in milliseconds with one decimal, or {@code -} when nothing was timed. */
    static String millis(long timed, long micros) {
        return timed == 0 ? "-" : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    static String outcomes(Map<String, Long> outcomes) {
        StringJoiner joined = new StringJoiner(", ");
        outcomes.forEach((outcome, count) -> joined.add(outcome + "=" + count));
        return joined.toString();
    }

    static String checks(List<CheckResult> checks) {
        StringBuilder out = new StringBuilder();
        for (CheckResult check : checks) {
            out.append(check.passed() ? "PASS " : "FAIL ").append(check.name());
            if (check.detail() != null && !check.detail().isEmpty()) {
                out.append(" (").append(check.detail()).append(')');
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
