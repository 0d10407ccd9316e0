package org.parkline.server.privacy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parkline.privacy.*}: how long each data class keeps plates, and how the jobs run.
 *
 * @param retention per data class ({@link PlateRecords#name()}): an ISO-8601 duration after the record ended
 *     ({@code P90D}), or {@code keep}. A data class that is not listed is kept.
 * @param purgeInterval how often the retention purge runs (on every instance; they share the work)
 * @param batchSize rows per transaction in the purge and the re-encryption
 */
@ConfigurationProperties("parkline.privacy")
record PrivacyProperties(
        @DefaultValue Map<String, String> retention,
        @DefaultValue("PT1H") Duration purgeInterval,
        @DefaultValue("500") int batchSize) {

    /** Empty when the data class keeps its plates. */
    Optional<Duration> retentionOf(String dataClass) {
        String value = retention.getOrDefault(dataClass, "keep").strip();
        if (value.equalsIgnoreCase("keep")) return Optional.empty();
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) throw new IllegalStateException("negative");
            return Optional.of(duration);
        } catch (RuntimeException e) {
            throw new IllegalStateException("parkline.privacy.retention." + dataClass + ": '" + value
                    + "' is neither an ISO-8601 duration such as P90D nor 'keep'");
        }
    }
}
