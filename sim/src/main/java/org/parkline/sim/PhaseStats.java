package org.parkline.sim;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one phase of the burst saw, recorded from many gate threads at once: the latency of every
 * answered request (HdrHistogram, microseconds) and how many requests ended in which way.
 */
final class PhaseStats {

    private final String name;
    private final Histogram latencyMicros = new ConcurrentHistogram(3);
    private final LongAdder requests = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    PhaseStats(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** A request answered with success after {@code nanos}. */
    void succeeded(long nanos) {
        requests.increment();
        ok.increment();
        latencyMicros.recordValue(micros(nanos));
    }

    /** A request answered with a problem (its slug, e.g. {@code lot-full}) after {@code nanos}. */
    void refused(String problem, long nanos) {
        requests.increment();
        latencyMicros.recordValue(micros(nanos));
        count(problem);
    }

    /** A request that got no answer: {@code timeout} or {@code transport}. */
    void unanswered(String what) {
        requests.increment();
        count(what);
    }

    /** Something the sim found wrong with an answer, e.g. a replay naming another ticket. */
    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    long outcome(String outcome) {
        LongAdder adder = outcomes.get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    PhaseSummary summary(Duration wallTime) {
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((outcome, adder) -> counted.put(outcome, adder.sum()));
        Histogram copy = latencyMicros.copy();
        return new PhaseSummary(
                name,
                requests.sum(),
                ok.sum(),
                counted,
                wallTime,
                copy.getTotalCount(),
                copy.getValueAtPercentile(50),
                copy.getValueAtPercentile(95),
                copy.getValueAtPercentile(99),
                copy.getMaxValue());
    }

    private static long micros(long nanos) {
        return Math.max(1, nanos / 1_000);
    }
}
