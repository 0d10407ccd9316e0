package org.parkline.server.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.SpotType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator takes a spot out of service (maintenance, a blocked bay), puts it back, retires it for good, or
 * changes its type. Not while it is held (the hold ends it), and not while a vehicle is on it, unless forced with a
 * reason: then the spot goes OUT_OF_SERVICE with the vehicle still on it, its ticket stays ACTIVE and keeps the
 * spot, the counters move the place from occupied to out of service, and when the vehicle leaves the spot stays out
 * of service. Putting such a spot back before the vehicle left makes it OCCUPIED again, not AVAILABLE.
 */
@Service
public class SpotAdministration {

    static final int MIN_REASON = 5;

    private final JdbcClient jdbc;
    private final ZoneCounters counters;
    private final LotAccess access;
    private final ApplicationEventPublisher events;

    SpotAdministration(JdbcClient jdbc, ZoneCounters counters, LotAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.access = access;
        this.events = events;
    }

    public record SpotView(
            String spotId,
            String lotId,
            String floorId,
            String zone,
            SpotType type,
            SpotStatus status,
            boolean vehicleInside) {}

    /** @param force take an OCCUPIED spot out of service anyway; {@code reason} is then required */
    public record SpotChange(
            @Nullable SpotStatus status, @Nullable SpotType type, boolean force, @Nullable String reason) {}

    @Transactional
    public SpotView update(String spotId, SpotChange change) {
        SpotView spot = jdbc.sql(
                        """
                        select id, lot_id, floor_id, zone_code, type, status, vehicle_inside
                          from spot where id = :id for update
                        """)
                .param("id", spotId)
                .query((rs, n) -> new SpotView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        SpotType.valueOf(rs.getString(5)),
                        SpotStatus.valueOf(rs.getString(6)),
                        rs.getBoolean(7)))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("spot", spotId));
        access.requireLot(spot.lotId());
        SpotStatus wanted = change.status() == null ? spot.status() : change.status();
        SpotType newType = change.type() == null ? spot.type() : change.type();
        if (wanted == SpotStatus.OCCUPIED || wanted == SpotStatus.RESERVED) {
            throw ApiProblem.invalid("status: set AVAILABLE, OUT_OF_SERVICE or RETIRED; spots become OCCUPIED by "
                    + "entry and RESERVED by a hold");
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        if (change.force() && reason.length() < MIN_REASON) {
            throw ApiProblem.invalid("reason: required (at least " + MIN_REASON + " characters) when force is true; "
                    + "say why the spot is taken out of service under a vehicle");
        }
        if (wanted == spot.status() && newType == spot.type()) return spot;
        if (spot.status() == SpotStatus.RESERVED) throw inUse(spot, "change it after the hold ends or cancel the hold");
        if (spot.status() == SpotStatus.OCCUPIED || spot.vehicleInside()) {
            if (newType != spot.type()) throw inUse(spot, "its type changes after the vehicle leaves");
            if (wanted == SpotStatus.RETIRED) throw inUse(spot, "retire it after the vehicle leaves");
        }
        if (spot.status() == SpotStatus.OCCUPIED && !change.force()) {
            throw inUse(spot, "change it after the vehicle leaves, or send force=true with a reason");
        }
        // back in service with the vehicle still on it: it is occupied, not free
        SpotStatus newStatus = spot.vehicleInside() && wanted == SpotStatus.AVAILABLE ? SpotStatus.OCCUPIED : wanted;
        boolean vehicleInside = newStatus == SpotStatus.OUT_OF_SERVICE
                && (spot.vehicleInside() || spot.status() == SpotStatus.OCCUPIED);
        jdbc.sql(
                        """
                        update spot set status = :status, type = :type, vehicle_inside = :inside, updated_at = now()
                         where id = :id
                        """)
                .param("status", newStatus.name())
                .param("type", newType.name())
                .param("inside", vehicleInside)
                .param("id", spotId)
                .update();
        if (spot.status() != SpotStatus.RETIRED) {
            counters.recordAdd(spot.lotId(), spot.floorId(), spot.zone(), spot.type(), spot.status(), -1);
        }
        if (newStatus != SpotStatus.RETIRED) {
            counters.recordAdd(spot.lotId(), spot.floorId(), spot.zone(), newType, newStatus, +1);
        }
        Map<String, Object> before = new LinkedHashMap<>(Map.of(
                "status", spot.status().name(), "type", spot.type().name(), "vehicleInside", spot.vehicleInside()));
        Map<String, Object> after = new LinkedHashMap<>(
                Map.of("status", newStatus.name(), "type", newType.name(), "vehicleInside", vehicleInside));
        if (!reason.isEmpty()) after.put("reason", reason);
        if (change.force() && spot.status() == SpotStatus.OCCUPIED) after.put("forced", true);
        events.publishEvent(new Audited(
                change.force() && spot.status() == SpotStatus.OCCUPIED ? "spot.forced_out_of_service" : "spot.updated",
                "spot",
                spotId,
                spot.lotId(),
                before,
                after));
        return new SpotView(spotId, spot.lotId(), spot.floorId(), spot.zone(), newType, newStatus, vehicleInside);
    }

    private static ApiProblem inUse(SpotView spot, String what) {
        return new ApiProblem(
                        HttpStatus.CONFLICT,
                        "spot-in-use",
                        "Spot in use",
                        "Spot " + spot.spotId() + " is "
                                + (spot.vehicleInside() ? "out of service with a vehicle on it" : spot.status())
                                + "; " + what)
                .with("spotStatus", spot.status());
    }
}
