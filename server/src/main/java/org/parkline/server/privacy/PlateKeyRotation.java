package org.parkline.server.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.Audited;
import org.parkline.server.common.PlateProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves stored plates from retired encryption keys to the current one, in id order, a batch per transaction.
 * Runs after every start (and on demand): after a rotation the old key is needed only until this has run and
 * {@link #keys()} shows no plate left under it. Rows under a key this instance does not know are left alone.
 */
@Component
class PlateKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(PlateKeyRotation.class);

    private final List<PlateRecords> holders;
    private final PlateProtector plates;
    private final PrivacyProperties properties;
    private final ApplicationEventPublisher events;

    PlateKeyRotation(
            List<PlateRecords> holders,
            PlateProtector plates,
            PrivacyProperties properties,
            ApplicationEventPublisher events) {
        this.holders = holders;
        this.plates = plates;
        this.properties = properties;
        this.events = events;
    }

    record Rotation(String currentKeyId, Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after) {}

    @Scheduled(initialDelayString = "${parkline.privacy.reencrypt-delay:PT2M}")
    void afterStart() {
        if (plates.knownKeyIds().size() > 1) reencrypt();
    }

    Rotation reencrypt() {
        Map<String, Map<String, Long>> before = keys();
        for (PlateRecords holder : holders) {
            @Nullable String after = null;
            do {
                after = holder.reencrypt(after, properties.batchSize());
            } while (after != null);
        }
        Map<String, Map<String, Long>> now = keys();
        if (!before.equals(now)) {
            log.info("Plates moved to encryption key {}: {}", plates.currentKeyId(), now);
            Map<String, Object> was = new LinkedHashMap<>(before);
            Map<String, Object> is = new LinkedHashMap<>(now);
            events.publishEvent(new Audited("privacy.reencrypted", "plate-key", plates.currentKeyId(), null, was, is));
        }
        return new Rotation(plates.currentKeyId(), before, now);
    }

    /** Per data class, how many plates each key id protects. */
    Map<String, Map<String, Long>> keys() {
        Map<String, Map<String, Long>> keys = new LinkedHashMap<>();
        for (PlateRecords holder : holders) keys.put(holder.name(), holder.plateKeys());
        return keys;
    }
}
