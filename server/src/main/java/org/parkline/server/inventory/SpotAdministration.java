package org.parkline.server.inventory;

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
 * An operator takes a spot out of service (maintenance, a blocked bay), puts it back, or changes its type. Never
 * while a vehicle is on it or it is held: those end through exit or the hold.
 */
@Service
public class SpotAdministration {

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
            String spotId, String lotId, String floorId, String zone, SpotType type, SpotStatus status) {}

    @Transactional
    public SpotView update(String spotId, @Nullable SpotStatus status, @Nullable SpotType type) {
        SpotView spot = jdbc.sql(
                        """
                        select id, lot_id, floor_id, zone_code, type, status from spot where id = :id for update
                        """)
                .param("id", spotId)
                .query((rs, n) -> new SpotView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        SpotType.valueOf(rs.getString(5)),
                        SpotStatus.valueOf(rs.getString(6))))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("spot", spotId));
        access.requireLot(spot.lotId());
        SpotStatus newStatus = status == null ? spot.status() : status;
        SpotType newType = type == null ? spot.type() : type;
        if (newStatus == SpotStatus.OCCUPIED || newStatus == SpotStatus.RESERVED) {
            throw ApiProblem.invalid("status: set AVAILABLE or OUT_OF_SERVICE; spots become OCCUPIED by entry and "
                    + "RESERVED by a hold");
        }
        if (newStatus == spot.status() && newType == spot.type()) return spot;
        if (spot.status() == SpotStatus.OCCUPIED || spot.status() == SpotStatus.RESERVED) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "spot-in-use",
                    "Spot in use",
                    "Spot " + spotId + " is " + spot.status()
                            + "; change it after the vehicle leaves or the hold ends");
        }
        jdbc.sql("update spot set status = :status, type = :type, updated_at = now() where id = :id")
                .param("status", newStatus.name())
                .param("type", newType.name())
                .param("id", spotId)
                .update();
        counters.recordAdd(spot.lotId(), spot.floorId(), spot.zone(), spot.type(), spot.status(), -1);
        counters.recordAdd(spot.lotId(), spot.floorId(), spot.zone(), newType, newStatus, +1);
        events.publishEvent(new Audited(
                "spot.updated",
                "spot",
                spotId,
                spot.lotId(),
                Map.of("status", spot.status().name(), "type", spot.type().name()),
                Map.of("status", newStatus.name(), "type", newType.name())));
        return new SpotView(spotId, spot.lotId(), spot.floorId(), spot.zone(), newType, newStatus);
    }
}
