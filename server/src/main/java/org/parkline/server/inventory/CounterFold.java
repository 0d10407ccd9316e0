package org.parkline.server.inventory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the pending counter deltas few, so that reading base + deltas stays cheap. */
@Component
class CounterFold {

    private final ZoneCounters counters;

    CounterFold(ZoneCounters counters) {
        this.counters = counters;
    }

    @Scheduled(fixedDelayString = "${parkline.counters.fold-interval:PT0.25S}")
    void fold() {
        counters.fold();
    }
}
