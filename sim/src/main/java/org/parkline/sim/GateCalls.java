package org.parkline.sim;

import java.time.Duration;
import java.util.function.Supplier;
import org.parkline.client.ParklineApiException;
import org.parkline.client.ParklineTimeoutException;
import org.parkline.client.ParklineTransportException;

/**
 * Runs a request the way a gate does: time it, and when no answer comes (timeout, broken connection,
 * or the first attempt still in flight) send it again with the same idempotency key, so every
 * vehicle ends with one known outcome. Each attempt is counted in the phase's statistics.
 */
final class GateCalls {

    static final int ATTEMPTS = 4;
    private static final String IN_FLIGHT = "idempotency-request-in-flight";

    private GateCalls() {}

    /** The request must carry the same idempotency key on every call of {@code request}. */
    static <T> Reply<T> call(PhaseStats stats, Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                T value = request.get();
                stats.succeeded(System.nanoTime() - start);
                return new Reply.Answered<>(value);
            } catch (ParklineApiException e) {
                stats.refused(slug(e), System.nanoTime() - start);
                if (!e.is(IN_FLIGHT) || attempt == ATTEMPTS) {
                    return new Reply.Refused<>(e);
                }
            } catch (ParklineTimeoutException e) {
                stats.unanswered("timeout");
            } catch (ParklineTransportException e) {
                stats.unanswered("transport");
            }
            if (attempt == ATTEMPTS) {
                return new Reply.Unanswered<>();
            }
            pause(Duration.ofMillis(50L * attempt));
        }
    }

    /** The Parkline problem slug, or {@code http-<status>} for an answer outside Parkline's types. */
    static String slug(ParklineApiException e) {
        return e.type().startsWith(ParklineApiException.PROBLEM_TYPE_PREFIX) ? e.problem() : "http-" + e.status();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
