package org.parkline.server.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parkline.server.lots.SpotType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Live availability read straight from the zone counters: what the signs at the entrance show. */
@Service
public class Availability {

    private final JdbcClient jdbc;
    private final Clock clock;

    Availability(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Available places by type for the lot, per floor and per zone; each filter may be null. */
    public LotAvailability of(
            String lotId, @Nullable SpotType spotType, @Nullable String floorId, @Nullable String zone) {
        record Row(String floorId, String zone, SpotType type, int available, int total) {}
        List<Row> rows = jdbc.sql(
                        """
                        select c.floor_id, c.zone_code, c.spot_type, c.available, c.total
                          from zone_counter_now c join floor f on f.lot_id = c.lot_id and f.id = c.floor_id
                         where c.lot_id = :lot
                           and (cast(:type as text) is null or c.spot_type = :type)
                           and (cast(:floor as text) is null or c.floor_id = :floor)
                           and (cast(:zone as text) is null or c.zone_code = :zone)
                         order by f.level, c.zone_code, c.spot_type
                        """)
                .param("lot", lotId)
                .param("type", spotType == null ? null : spotType.name())
                .param("floor", floorId)
                .param("zone", zone)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        SpotType.valueOf(rs.getString(3)),
                        rs.getInt(4),
                        rs.getInt(5)))
                .list();
        Map<SpotType, Integer> counts = new TreeMap<>();
        Map<SpotType, Integer> capacity = new TreeMap<>();
        Map<String, FloorAvailability> floors = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            counts.merge(row.type(), row.available(), Integer::sum);
            capacity.merge(row.type(), row.total(), Integer::sum);
            FloorAvailability floor = floors.computeIfAbsent(
                    row.floorId(), id -> new FloorAvailability(id, new TreeMap<>(), new ArrayList<>()));
            floor.counts().merge(row.type(), row.available(), Integer::sum);
            ZoneAvailability zoneView = floor.zones().stream()
                    .filter(z -> z.zone().equals(row.zone()))
                    .findFirst()
                    .orElseGet(() -> {
                        ZoneAvailability created = new ZoneAvailability(row.zone(), new TreeMap<>());
                        floor.zones().add(created);
                        return created;
                    });
            zoneView.counts().merge(row.type(), row.available(), Integer::sum);
        }
        return new LotAvailability(lotId, clock.instant(), counts, capacity, List.copyOf(floors.values()));
    }

    public record LotAvailability(
            String lotId,
            Instant asOf,
            Map<SpotType, Integer> counts,
            Map<SpotType, Integer> capacity,
            List<FloorAvailability> floors) {}

    public record FloorAvailability(String floorId, Map<SpotType, Integer> counts, List<ZoneAvailability> zones) {}

    public record ZoneAvailability(String zone, Map<SpotType, Integer> counts) {}
}
