package org.parkline.server.inventory;

import java.util.List;
import org.parkline.server.lots.SpotType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Places per (zone, spot type) by status. SPOT-mode changes are appended as deltas (see V6 migration) so that no
 * entry waits on another's counter lock; CAPACITY-mode places are taken and returned on the counter row itself,
 * which is the inventory there. Readers use {@code zone_counter_now}: base plus pending deltas, always exact.
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
                        select floor_id, zone_code, spot_type from zone_counter_now
                         where lot_id = :lot and spot_type in (:types) and available > 0
                        """)
                .param("lot", lotId)
                .param("types", types.stream().map(Enum::name).toList())
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), SpotType.valueOf(rs.getString(3))))
                .list();
    }

    /** SPOT mode: one spot moved from one status to another. */
    void recordShift(String lotId, String floorId, String zone, SpotType type, SpotStatus from, SpotStatus to) {
        insertDelta(lotId, floorId, zone, type, 0, from, -1, to, +1);
    }

    /** SPOT mode: spots added to (delta > 0) or removed from (delta < 0) a zone in one status, e.g. a type change. */
    void recordAdd(String lotId, String floorId, String zone, SpotType type, SpotStatus status, int delta) {
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
        insertDelta(lotId, floorId, zone, type, delta, status, delta, status, 0);
    }

    /** CAPACITY mode: admits one vehicle if the zone has a place for its type. */
    boolean takePlace(String lotId, String floorId, String zone, SpotType type) {
        return jdbc.sql(
                                """
                                update zone_counter set available = available - 1, occupied = occupied + 1
                                 where lot_id = :lot and floor_id = :floor and zone_code = :zone and spot_type = :type
                                   and available > 0
                                """)
                        .param("lot", lotId)
                        .param("floor", floorId)
                        .param("zone", zone)
                        .param("type", type.name())
                        .update()
                == 1;
    }

    /** CAPACITY mode: a vehicle left. */
    void returnPlace(String lotId, String floorId, String zone, SpotType type) {
        jdbc.sql(
                        """
                        update zone_counter set available = available + 1, occupied = occupied - 1
                         where lot_id = :lot and floor_id = :floor and zone_code = :zone and spot_type = :type
                        """)
                .param("lot", lotId)
                .param("floor", floorId)
                .param("zone", zone)
                .param("type", type.name())
                .update();
    }

    /** Moves every pending delta into the base rows in one statement; safe to run on several instances at once. */
    int fold() {
        return jdbc.sql(
                        """
                        with moved as (
                            delete from zone_counter_delta
                            returning lot_id, floor_id, zone_code, spot_type, d_total, d_available, d_occupied,
                                      d_reserved, d_out_of_service),
                        sums as (
                            select lot_id, floor_id, zone_code, spot_type, sum(d_total) as t, sum(d_available) as a,
                                   sum(d_occupied) as o, sum(d_reserved) as r, sum(d_out_of_service) as s
                              from moved group by lot_id, floor_id, zone_code, spot_type)
                        update zone_counter c
                           set total = c.total + sums.t, available = c.available + sums.a,
                               occupied = c.occupied + sums.o, reserved = c.reserved + sums.r,
                               out_of_service = c.out_of_service + sums.s
                          from sums
                         where c.lot_id = sums.lot_id and c.floor_id = sums.floor_id
                           and c.zone_code = sums.zone_code and c.spot_type = sums.spot_type
                        """)
                .update();
    }

    private void insertDelta(
            String lotId,
            String floorId,
            String zone,
            SpotType type,
            int total,
            SpotStatus a,
            int deltaA,
            SpotStatus b,
            int deltaB) {
        String columns = a == b ? "d_" + a.counterColumn : "d_" + a.counterColumn + ", d_" + b.counterColumn;
        String values = a == b ? ":da" : ":da, :db";
        jdbc.sql("insert into zone_counter_delta (lot_id, floor_id, zone_code, spot_type, d_total, " + columns
                        + ") values (:lot, :floor, :zone, :type, :total, " + values + ")")
                .param("lot", lotId)
                .param("floor", floorId)
                .param("zone", zone)
                .param("type", type.name())
                .param("total", total)
                .param("da", deltaA)
                .param("db", deltaB)
                .update();
    }
}
