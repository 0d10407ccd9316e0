package org.parkline.sim;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A gate's rhythm: a barrier lets one vehicle through per cycle at most. A gate that fell behind (a slow answer)
 * sends its next vehicle at once, as a queue of cars would; with a zero cycle it never waits.
 */
final class GatePace {

    private final long cycleNanos;
    private final long startNanos = System.nanoTime();
    private long vehicles;

    GatePace(Duration cycle) {
        this.cycleNanos = cycle.toNanos();
    }

    /** Waits until this gate's next vehicle may go. */
    void awaitNext() {
        long due = startNanos + vehicles++ * cycleNanos;
        for (long wait = due - System.nanoTime(); cycleNanos > 0 && wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
