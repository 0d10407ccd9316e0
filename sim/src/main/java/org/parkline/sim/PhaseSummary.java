package org.parkline.sim;

import java.time.Duration;
import java.util.Map;

/**
 * A finished phase: counts, wall time and latency percentiles (microseconds).
 *
 * @param name the phase, e.g. {@code entry}
 * @param requests requests sent, answered or not
 * @param ok requests answered with success
 * @param outcomes everything else, by problem slug or {@code timeout} / {@code transport}
 * @param wallTime how long the phase ran
 * @param timed requests whose latency was recorded (the answered ones)
 */
record PhaseSummary(
        String name,
        long requests,
        long ok,
        Map<String, Long> outcomes,
        Duration wallTime,
        long timed,
        long p50Micros,
        long p95Micros,
        long p99Micros,
        long maxMicros) {

    /** Requests per second of wall time. */
    double throughput() {
        double seconds = wallTime.toNanos() / 1e9;
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
