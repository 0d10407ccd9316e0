package org.parkline.server.inventory;

import java.util.List;
import org.parkline.server.lots.SpotType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Places per (zone, spot type) by status. Every spot status change moves one count in the same transaction;
 * the table's check constraint keeps the columns summing to the total.
 */
@Repository
class ZoneCounters {

    private final JdbcClient jdbc;

    ZoneCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Candidate(String floorId, String zone, SpotType type) {}

    /** Zones with space for any of the types: the allocator only looks there. */
    List<Candidate> withSpace(String lotId, List<SpotType> types) {
        return jdbc.sql(
                        """
                        select floor_id, zone_code, spot_type from zone_counter
                         where lot_id = :lot and spot_type in (:types) and available > 0
                        """)
                .param("lot", lotId)
                .param("types", types.stream().map(Enum::name).toList())
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), SpotType.valueOf(rs.getString(3))))
                .list();
    }

    /** One place changes status. False when there was none in {@code from} (CAPACITY mode: the lot is full). */
    boolean shift(String lotId, String floorId, String zone, SpotType type, SpotStatus from, SpotStatus to) {
        String sql = "update zone_counter set %1$s = %1$s - 1, %2$s = %2$s + 1"
                        .formatted(from.counterColumn, to.counterColumn)
                + " where lot_id = :lot and floor_id = :floor and zone_code = :zone and spot_type = :type and "
                + from.counterColumn + " > 0";
        return jdbc.sql(sql)
                        .param("lot", lotId)
                        .param("floor", floorId)
                        .param("zone", zone)
                        .param("type", type.name())
                        .update()
                == 1;
    }

    /** Places added to (delta > 0) or removed from (delta < 0) a zone in one status, e.g. a spot changing type. */
    void add(String lotId, String floorId, String zone, SpotType type, SpotStatus status, int delta) {
        jdbc.sql(
                        """
                        insert into zone_counter (lot_id, floor_id, zone_code, spot_type, total, available)
                        values (:lot, :floor, :zone, :type, 0, 0) on conflict do nothing
                        """)
                .param("lot", lotId)
                .param("floor", floorId)
                .param("zone", zone)
                .param("type", type.name())
                .update();
        jdbc.sql("update zone_counter set total = total + :delta, %1$s = %1$s + :delta".formatted(status.counterColumn)
                        + " where lot_id = :lot and floor_id = :floor and zone_code = :zone and spot_type = :type")
                .param("delta", delta)
                .param("lot", lotId)
                .param("floor", floorId)
                .param("zone", zone)
                .param("type", type.name())
                .update();
    }
}
