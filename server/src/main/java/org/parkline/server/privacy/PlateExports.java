package org.parkline.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.PlateProtector;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A data subject's access request: everything Parkline holds about one plate, found by its look-up hash in every
 * data class. The answer never repeats the plate (the requester knows it, and stored responses of idempotent
 * requests must not hold it); the audit entry records that an export was made and how much it held, not for whom.
 */
@Service
class PlateExports {

    private final List<PlateRecords> holders;
    private final PlateProtector plates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlateExports(List<PlateRecords> holders, PlateProtector plates, ApplicationEventPublisher events, Clock clock) {
        this.holders = holders;
        this.plates = plates;
        this.events = events;
        this.clock = clock;
    }

    record PlateExport(
            String exportId,
            Instant generatedAt,
            String matchedBy,
            Map<String, List<Map<String, Object>>> records,
            List<String> notes) {}

    @Transactional
    PlateExport export(String plate) {
        byte[] hash = plates.lookupHash(plate);
        Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        for (PlateRecords holder : holders) {
            List<Map<String, Object>> found = holder.export(hash);
            records.put(holder.name(), found);
            counts.put(holder.name(), found.size());
        }
        String id = Ids.next("X", clock);
        events.publishEvent(new Audited("privacy.exported", "plate-export", id, null, null, counts));
        return new PlateExport(
                id,
                clock.instant(),
                "the keyed hash of the normalized plate",
                records,
                List.of(
                        "Records whose plate was erased under the retention policy no longer match any plate.",
                        "Payments hold no plate; the payments of each ticket are listed with it."));
    }
}
