package org.parkline.server.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-client limits on what invites guessing: sign-in and public look-ups (ticket number + plate). Per instance,
 * in memory: several instances each allow the limit (state that in operations; a shared store would be next).
 */
@Component
public class RateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    RateLimits(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Takes one token from the caller's bucket for {@code purpose}, or refuses with 429. */
    public void take(String purpose, String client, int perMinute) {
        if (buckets.size() > 50_000) buckets.clear(); // bounded memory under a flood of addresses
        Bucket bucket = buckets.computeIfAbsent(purpose + "|" + client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        if (!bucket.tryConsume(1)) {
            meters.counter("parkline.security.rate_limited", "purpose", purpose).increment();
            throw new ApiProblem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many attempts",
                    "Too many " + purpose + " attempts from your address; wait a minute and try again");
        }
    }
}
