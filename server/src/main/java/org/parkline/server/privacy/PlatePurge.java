package org.parkline.server.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkline.server.common.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention purge: erases the plates of records that ended longer ago than their data class keeps them. Runs
 * on every instance; each batch claims its rows with SKIP LOCKED, so instances share the work and never erase a row
 * twice. Each run that erased something is audited (counts and cutoff, no plate).
 */
@Component
class PlatePurge {

    private static final Logger log = LoggerFactory.getLogger(PlatePurge.class);

    private final List<PlateRecords> holders;
    private final PrivacyProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlatePurge(
            List<PlateRecords> holders, PrivacyProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.holders = holders;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        // a retention that does not parse stops the start-up, not the first purge an hour later
        properties.retention().keySet().forEach(properties::retentionOf);
    }

    @Scheduled(
            fixedDelayString = "${parkline.privacy.purge-interval:PT1H}",
            initialDelayString = "${parkline.privacy.purge-interval:PT1H}")
    void scheduled() {
        purge();
    }

    /** @return records whose plate was erased, per data class (only classes with a retention) */
    Map<String, Integer> purge() {
        Map<String, Integer> erased = new LinkedHashMap<>();
        for (PlateRecords holder : holders) {
            Optional<Duration> retention = properties.retentionOf(holder.name());
            if (retention.isEmpty()) continue;
            Instant cutoff = clock.instant().minus(retention.get());
            int total = 0;
            int batch;
            do {
                batch = holder.erasePlates(cutoff, properties.batchSize());
                total += batch;
            } while (batch == properties.batchSize());
            erased.put(holder.name(), total);
            if (total > 0) {
                log.info(
                        "Retention purge: erased the plates of {} {} records that ended before {}",
                        total,
                        holder.name(),
                        cutoff);
                events.publishEvent(new Audited(
                        "privacy.purged",
                        "data-class",
                        holder.name(),
                        null,
                        null,
                        Map.of(
                                "platesErased",
                                total,
                                "endedBefore",
                                cutoff.toString(),
                                "retention",
                                retention.get().toString())));
            }
        }
        return erased;
    }
}
