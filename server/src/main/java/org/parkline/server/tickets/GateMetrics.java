package org.parkline.server.tickets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.parkline.server.common.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Gate request latency by operation and outcome (ok, or the problem type's slug), as a histogram. Timers are
 * kept once made: registering a tagged meter on every request showed up in profiles of the gate path.
 */
@Component
class GateMetrics {

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    GateMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> T time(String operation, Supplier<T> work) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = work.get();
            outcome = "ok";
            return result;
        } catch (ApiProblem problem) {
            outcome =
                    problem.type().getPath().substring(problem.type().getPath().lastIndexOf('/') + 1);
            throw problem;
        } finally {
            timer(operation, outcome).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(operation + "|" + outcome, k -> Timer.builder("parkline.gate.requests")
                .description("Gate request latency: entry, quote, exit")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(meters));
    }
}
