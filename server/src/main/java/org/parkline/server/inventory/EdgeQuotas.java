package org.parkline.server.inventory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotMode;
import org.parkline.server.lots.SpotType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offline quota in escrow: places an edge controller may fill on its own while central is unreachable. A granted
 * place is held here (a RESERVED spot in SPOT mode, a reserved count in CAPACITY mode), so availability and the
 * allocator never see it: central cannot sell the same place twice. An imported offline entry claims its place;
 * returning the quota gives unused places back.
 */
@Service
public class EdgeQuotas {

    private final JdbcClient jdbc;
    private final ZoneCounters counters;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EdgeQuotas(JdbcClient jdbc, ZoneCounters counters, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.clock = clock;
        this.events = events;
    }

    /** One held place; {@code spotId} is null in CAPACITY mode. */
    public record QuotaPlace(
            String placeId,
            String vehicleType,
            String floorId,
            String zone,
            SpotType spotType,
            @Nullable String spotId) {}

    /**
     * Brings the gate's HELD places per vehicle type to the target: holds more where space is left (fewer when the
     * lot is nearly full, never an error), returns the excess. Returns every place the gate now holds.
     */
    @Transactional
    public List<QuotaPlace> adjust(Lot lot, Gate gate, Map<String, Integer> target) {
        lockGate(gate.id());
        Map<String, List<QuotaPlace>> held = new LinkedHashMap<>();
        for (QuotaPlace place : held(gate.id())) {
            held.computeIfAbsent(place.vehicleType(), k -> new ArrayList<>()).add(place);
        }
        int granted = 0;
        int returned = 0;
        for (String vehicleType : union(target.keySet(), held.keySet())) {
            List<QuotaPlace> have = held.getOrDefault(vehicleType, List.of());
            int want = Math.max(0, target.getOrDefault(vehicleType, 0));
            for (int i = have.size(); i < want; i++) {
                if (hold(lot, gate, vehicleType).isEmpty()) break;
                granted++;
            }
            for (QuotaPlace extra : have.subList(Math.min(want, have.size()), have.size())) {
                if (giveBack(lot, gate.id(), extra.placeId())) returned++;
            }
        }
        if (granted > 0 || returned > 0) {
            events.publishEvent(new Audited(
                    "quota.adjusted",
                    "gate",
                    gate.id(),
                    lot.id(),
                    null,
                    Map.of("granted", granted, "returned", returned, "target", Map.copyOf(target))));
        }
        return held(gate.id());
    }

    /** Returns the listed places (or, when {@code placeIds} is null, every place the gate holds). */
    @Transactional
    public List<QuotaPlace> giveBack(Lot lot, Gate gate, @Nullable List<String> placeIds) {
        lockGate(gate.id());
        int returned = 0;
        for (QuotaPlace place : held(gate.id())) {
            if (placeIds == null || placeIds.contains(place.placeId())) {
                if (giveBack(lot, gate.id(), place.placeId())) returned++;
            }
        }
        if (returned > 0) {
            events.publishEvent(
                    new Audited("quota.returned", "gate", gate.id(), lot.id(), null, Map.of("returned", returned)));
        }
        return held(gate.id());
    }

    public List<QuotaPlace> held(String gateId) {
        return jdbc.sql(
                        """
                        select id, vehicle_type, floor_id, zone_code, spot_type, spot_id from edge_quota_place
                         where gate_id = :gate and status = 'HELD' order by granted_at, id
                        """)
                .param("gate", gateId)
                .query(EdgeQuotas::place)
                .list();
    }

    /**
     * An imported offline entry takes the place it was admitted on, in the caller's transaction. Empty when the
     * place is not HELD by this lot (unknown, already used, returned): the caller then allocates as usual.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Placement> claim(Lot lot, String placeId) {
        Optional<QuotaPlace> place = jdbc.sql(
                        """
                        update edge_quota_place set status = 'USED', closed_at = :now
                         where id = :id and lot_id = :lot and status = 'HELD'
                        returning id, vehicle_type, floor_id, zone_code, spot_type, spot_id
                        """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", placeId)
                .param("lot", lot.id())
                .query(EdgeQuotas::place)
                .optional();
        // a place whose spot was taken out of the hold meanwhile (e.g. an operator cancelled it) is gone: empty
        return place.filter(p -> move(lot, p, SpotStatus.OCCUPIED))
                .map(p -> new Placement(p.spotId(), p.floorId(), p.zone(), p.spotType()));
    }

    /** A place the import no longer needs (the entry was placed online after all): back to AVAILABLE. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean release(Lot lot, String gateId, String placeId) {
        boolean released = giveBack(lot, gateId, placeId);
        if (released) {
            events.publishEvent(new Audited(
                    "quota.returned", "gate", gateId, lot.id(), null, Map.of("returned", 1, "placeId", placeId)));
        }
        return released;
    }

    private Optional<QuotaPlace> hold(Lot lot, Gate gate, String vehicleType) {
        List<SpotType> types = SpotTypeOrder.forVehicle(lot.allocationPolicy(), vehicleType, false, false);
        for (SpotType type : types) {
            Optional<String[]> where =
                    lot.mode() == LotMode.SPOT ? holdSpot(lot.id(), type) : holdCount(lot.id(), type);
            if (where.isEmpty()) continue;
            String id = Ids.next("Q", clock);
            String[] w = where.get();
            if (w[2] != null) {
                jdbc.sql("update spot set hold_id = :id where id = :spot")
                        .param("id", id)
                        .param("spot", w[2])
                        .update();
            }
            jdbc.sql(
                            """
                            insert into edge_quota_place (id, lot_id, gate_id, vehicle_type, floor_id, zone_code,
                                                          spot_type, spot_id, status, granted_at)
                            values (:id, :lot, :gate, :vehicle, :floor, :zone, :type, :spot, 'HELD', :now)
                            """)
                    .param("id", id)
                    .param("lot", lot.id())
                    .param("gate", gate.id())
                    .param("vehicle", vehicleType)
                    .param("floor", w[0])
                    .param("zone", w[1])
                    .param("type", type.name())
                    .param("spot", w[2])
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
            return Optional.of(new QuotaPlace(id, vehicleType, w[0], w[1], type, w[2]));
        }
        return Optional.empty();
    }

    /** SPOT mode: the first AVAILABLE spot of the type becomes RESERVED, with no expiry (the sweep ignores it). */
    private Optional<String[]> holdSpot(String lotId, SpotType type) {
        Optional<String[]> spot = jdbc.sql(
                        """
                        update spot set status = 'RESERVED', hold_until = 'infinity', updated_at = now()
                         where id = (select id from spot
                                      where lot_id = :lot and type = :type and status = 'AVAILABLE'
                                      order by floor_id, zone_code, sort_key
                                      limit 1
                                      for update skip locked)
                           and status = 'AVAILABLE'
                        returning floor_id, zone_code, id
                        """)
                .param("lot", lotId)
                .param("type", type.name())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
        spot.ifPresent(s -> counters.recordShift(lotId, s[0], s[1], type, SpotStatus.AVAILABLE, SpotStatus.RESERVED));
        return spot;
    }

    /** CAPACITY mode: one available place of the type moves to reserved, in the zone with the most room. */
    private Optional<String[]> holdCount(String lotId, SpotType type) {
        return jdbc.sql(
                        """
                        update zone_counter set available = available - 1, reserved = reserved + 1
                         where (lot_id, floor_id, zone_code, spot_type) = (
                               select lot_id, floor_id, zone_code, spot_type from zone_counter
                                where lot_id = :lot and spot_type = :type and available > 0
                                order by available desc, floor_id, zone_code limit 1 for update)
                           and available > 0
                        returning floor_id, zone_code
                        """)
                .param("lot", lotId)
                .param("type", type.name())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), null})
                .optional();
    }

    private boolean giveBack(Lot lot, String gateId, String placeId) {
        Optional<QuotaPlace> place = jdbc.sql(
                        """
                        update edge_quota_place set status = 'RETURNED', closed_at = :now
                         where id = :id and gate_id = :gate and status = 'HELD'
                        returning id, vehicle_type, floor_id, zone_code, spot_type, spot_id
                        """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", placeId)
                .param("gate", gateId)
                .query(EdgeQuotas::place)
                .optional();
        place.ifPresent(p -> move(lot, p, SpotStatus.AVAILABLE));
        return place.isPresent();
    }

    /**
     * A held place leaves RESERVED for {@code to} (OCCUPIED when claimed, AVAILABLE when returned); false when its
     * spot no longer held it (nothing moved, nothing counted).
     */
    private boolean move(Lot lot, QuotaPlace place, SpotStatus to) {
        if (place.spotId() != null) {
            int moved = jdbc.sql(
                            """
                            update spot set status = :to, hold_id = null, hold_until = null, updated_at = now()
                             where id = :spot and status = 'RESERVED' and hold_id = :place
                            """)
                    .param("to", to.name())
                    .param("spot", place.spotId())
                    .param("place", place.placeId())
                    .update();
            if (moved == 1) {
                counters.recordShift(
                        lot.id(), place.floorId(), place.zone(), place.spotType(), SpotStatus.RESERVED, to);
            }
            return moved == 1;
        }
        return jdbc.sql("update zone_counter set reserved = reserved - 1, " + to.counterColumn + " = "
                                + to.counterColumn
                                + " + 1 where lot_id = :lot and floor_id = :floor and zone_code = :zone and spot_type = :type"
                                + " and reserved > 0")
                        .param("lot", lot.id())
                        .param("floor", place.floorId())
                        .param("zone", place.zone())
                        .param("type", place.spotType().name())
                        .update()
                == 1;
    }

    /** Quota changes of one gate queue here, so two adjustments never both top up. */
    private void lockGate(String gateId) {
        jdbc.sql("select id from gate where id = :id for update")
                .param("id", gateId)
                .query(String.class)
                .optional();
    }

    private static List<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }

    /** A quota place from columns id, vehicle_type, floor_id, zone_code, spot_type, spot_id (in that order). */
    private static QuotaPlace place(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new QuotaPlace(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                SpotType.valueOf(rs.getString(5)),
                rs.getString(6));
    }
}
