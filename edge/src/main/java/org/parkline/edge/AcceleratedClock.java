package org.parkline.edge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time that runs {@code factor} times faster than the wall clock, from {@code start} at wall-clock {@code
 * wallEpochMillis}: a demo or a test sees an hour's parking fees in a minute, and a restarted process continues the
 * same timeline.
 */
public final class AcceleratedClock extends Clock {

    private final Instant start;
    private final long wallEpochMillis;
    private final long factor;

    public AcceleratedClock(Instant start, long wallEpochMillis, long factor) {
        this.start = start;
        this.wallEpochMillis = wallEpochMillis;
        this.factor = factor;
    }

    /** The configuration value for this clock. */
    public String spec() {
        return "accelerated:" + start + "|" + wallEpochMillis + "|" + factor;
    }

    @Override
    public Instant instant() {
        return start.plusMillis((System.currentTimeMillis() - wallEpochMillis) * factor);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
