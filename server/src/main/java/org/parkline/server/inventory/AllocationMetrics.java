package org.parkline.server.inventory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Allocation outcomes: placed (first try or after a retry round), refused as full, lost a race for a spot. */
final class AllocationMetrics {

    private final Counter allocatedFirstRound;
    private final Counter allocatedAfterRetry;
    private final Counter full;
    private final Counter contended;

    AllocationMetrics(MeterRegistry meters) {
        String name = "parkline.allocation.attempts";
        this.allocatedFirstRound =
                Counter.builder(name).tag("outcome", "allocated").register(meters);
        this.allocatedAfterRetry =
                Counter.builder(name).tag("outcome", "allocated_after_retry").register(meters);
        this.full = Counter.builder(name).tag("outcome", "lot_full").register(meters);
        this.contended = Counter.builder("parkline.allocation.contended")
                .description("Candidate zones whose counted space was taken by a concurrent entry")
                .register(meters);
    }

    void allocated(int round) {
        (round == 0 ? allocatedFirstRound : allocatedAfterRetry).increment();
    }

    void full() {
        full.increment();
    }

    void contended() {
        contended.increment();
    }
}
