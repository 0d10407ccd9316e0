package org.parkline.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs one virtual thread per gate, each sending one request at a time, and times the whole phase. */
final class GateCrew {

    private GateCrew() {}

    static Duration run(int gates, IntConsumer gateWork) {
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int gate = 0; gate < gates; gate++) {
                int g = gate;
                running.add(executor.submit(() -> gateWork.accept(g)));
            }
            for (Future<?> gate : running) {
                gate.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a gate failed: " + e.getCause(), e.getCause());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
