package org.parkline.server.tickets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.parkline.server.common.ApiProblem;
import org.springframework.stereotype.Component;

/** Gate request latency by operation and outcome (ok, or the problem type's slug), as a histogram. */
@Component
class GateMetrics {

    private final MeterRegistry meters;

    GateMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> T time(String operation, Supplier<T> work) {
        Timer.Sample sample = Timer.start(meters);
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
            sample.stop(Timer.builder("parkline.gate.requests")
                    .description("Gate request latency: entry, quote, exit")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }
}
