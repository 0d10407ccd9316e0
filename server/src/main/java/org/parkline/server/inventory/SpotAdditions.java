package org.parkline.server.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.lots.FloorView;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.lots.LotMode;
import org.parkline.server.lots.SpotType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds places to a zone. In SPOT mode new spot rows continue the lot's numbering ({@code <prefix>_<level>_<seq>},
 * seq per floor after the highest in use) and go at the back of the zone; their counters grow by deltas like any
 * other change. In CAPACITY mode the zone's counter row is the inventory and grows in place.
 */
@Service
class SpotAdditions {

    private static final Pattern SPOT_ID = Pattern.compile("^(.+)_-?\\d+_(\\d+)$");
    static final int MAX_PER_REQUEST = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final LotCatalog lots;
    private final ZoneCounters counters;
    private final ApplicationEventPublisher events;

    SpotAdditions(
            JdbcClient jdbc,
            JdbcTemplate batch,
            LotCatalog lots,
            ZoneCounters counters,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.lots = lots;
        this.counters = counters;
        this.events = events;
    }

    record Added(String lotId, String floorId, String zone, Map<SpotType, Integer> added, List<String> spotIds) {}

    @Transactional
    Added add(Lot lot, String floorId, String zone, Map<SpotType, Integer> counts) {
        FloorView floor = lots.floors(lot.id()).stream()
                .filter(f -> f.floorId().equals(floorId))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("floor", lot.id() + "/" + floorId));
        if (floor.zones().stream().noneMatch(z -> z.zone().equals(zone))) {
            throw ApiProblem.notFound("zone", lot.id() + "/" + floorId + "/" + zone);
        }
        checkCounts(counts);
        // two additions to one floor queue here, so they cannot pick the same numbers
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 11))) locked")
                .param("key", "spots:" + lot.id() + "/" + floorId)
                .query(Integer.class)
                .single();
        List<String> ids = new ArrayList<>();
        Map<SpotType, Integer> added = new LinkedHashMap<>();
        if (lot.mode() == LotMode.CAPACITY) {
            for (SpotType type : SpotType.values()) {
                int count = counts.getOrDefault(type, 0);
                if (count == 0) continue;
                growCapacity(lot.id(), floorId, zone, type, count);
                added.put(type, count);
            }
        } else {
            String prefix = prefix(lot.id());
            int seq = lastSeq(lot.id(), floorId);
            int sortKey = lastSortKey(lot.id(), floorId, zone);
            List<Object[]> rows = new ArrayList<>();
            for (SpotType type : SpotType.values()) {
                int count = counts.getOrDefault(type, 0);
                if (count == 0) continue;
                for (int i = 0; i < count; i++) {
                    String id = "%s_%d_%03d".formatted(prefix, floor.level(), ++seq);
                    ids.add(id);
                    rows.add(new Object[] {id, lot.id(), floorId, zone, type.name(), ++sortKey});
                }
                counters.recordAdd(lot.id(), floorId, zone, type, SpotStatus.AVAILABLE, count);
                added.put(type, count);
            }
            batch.batchUpdate(
                    "insert into spot (id, lot_id, floor_id, zone_code, type, sort_key) values (?, ?, ?, ?, ?, ?)",
                    rows);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        added.forEach((type, count) -> after.put(type.name(), count));
        if (!ids.isEmpty()) after.put("spotIds", ids.getFirst() + ".." + ids.getLast());
        events.publishEvent(
                new Audited("spots.added", "zone", lot.id() + "/" + floorId + "/" + zone, lot.id(), null, after));
        return new Added(lot.id(), floorId, zone, added, ids);
    }

    private static void checkCounts(Map<SpotType, Integer> counts) {
        int total = 0;
        for (var count : counts.entrySet()) {
            if (count.getValue() == null || count.getValue() < 0 || count.getValue() > MAX_PER_REQUEST) {
                throw ApiProblem.invalid(
                        "spots: " + count.getKey() + " count must be between 0 and " + MAX_PER_REQUEST);
            }
            total += count.getValue();
        }
        if (total == 0) throw ApiProblem.invalid("spots: give at least one spot, e.g. {\"COMPACT\": 10}");
        if (total > MAX_PER_REQUEST) throw ApiProblem.invalid("spots: at most " + MAX_PER_REQUEST + " per request");
    }

    /** The prefix the lot's spots were created with; a lot without spots yet gets the default one. */
    private String prefix(String lotId) {
        String sample = jdbc.sql("select id from spot where lot_id = :lot limit 1")
                .param("lot", lotId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (sample != null) {
            Matcher m = SPOT_ID.matcher(sample);
            if (m.matches()) return m.group(1);
        }
        String prefix = lotId + "_S";
        String pattern = prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "\\_%";
        boolean taken = jdbc.sql("select exists (select 1 from spot where id like :pattern)")
                .param("pattern", pattern)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "spot-prefix-taken",
                    "Spot id prefix in use",
                    "Spots named " + prefix + "_... already exist in another lot");
        }
        return prefix;
    }

    private int lastSeq(String lotId, String floorId) {
        return jdbc.sql(
                        """
                        select coalesce(max(cast(substring(id from '_([0-9]+)$') as int)), 0)
                          from spot where lot_id = :lot and floor_id = :floor
                        """)
                .param("lot", lotId)
                .param("floor", floorId)
                .query(Integer.class)
                .single();
    }

    private int lastSortKey(String lotId, String floorId, String zone) {
        return jdbc.sql(
                        """
                        select coalesce(max(sort_key), -1) from spot
                         where lot_id = :lot and floor_id = :floor and zone_code = :zone
                        """)
                .param("lot", lotId)
                .param("floor", floorId)
                .param("zone", zone)
                .query(Integer.class)
                .single();
    }

    private void growCapacity(String lotId, String floorId, String zone, SpotType type, int count) {
        jdbc.sql(
                        """
                        insert into zone_counter (lot_id, floor_id, zone_code, spot_type, total, available)
                        values (:lot, :floor, :zone, :type, :count, :count)
                        on conflict (lot_id, floor_id, zone_code, spot_type)
                        do update set total = zone_counter.total + :count, available = zone_counter.available + :count
                        """)
                .param("lot", lotId)
                .param("floor", floorId)
                .param("zone", zone)
                .param("type", type.name())
                .param("count", count)
                .update();
    }
}
