package org.parkline.server.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotMode;
import org.parkline.server.lots.SpotType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Soft holds: a spot set aside (RESERVED) for an arriving vehicle until a deadline. Entry with the hold id takes
 * exactly that spot; a sweep returns expired holds to AVAILABLE.
 */
@Service
public class SpotHolds {

    static final Duration MAX_HOLD = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final ZoneCounters counters;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SpotHolds(JdbcClient jdbc, ZoneCounters counters, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.clock = clock;
        this.events = events;
    }

    public record Hold(
            String holdId, String spotId, String floorId, String zone, SpotType spotType, Instant expiresAt) {}

    @Transactional
    public Hold hold(Lot lot, SpotType type, @Nullable String floorId, Duration length) {
        if (lot.mode() != LotMode.SPOT) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "holds-need-spot-mode",
                    "Holds need SPOT mode",
                    "Lot " + lot.id() + " counts places without assigning spots, so a spot cannot be held");
        }
        if (length.isNegative() || length.isZero() || length.compareTo(MAX_HOLD) > 0) {
            throw ApiProblem.invalid("minutes: a hold lasts between 1 minute and 24 hours");
        }
        String holdId = Ids.next("H", clock);
        Instant expiresAt = clock.instant().plus(length);
        return jdbc.sql(
                        """
                        update spot set status = 'RESERVED', hold_id = :hold, hold_until = :until, updated_at = now()
                         where id = (select id from spot
                                      where lot_id = :lot and type = :type and status = 'AVAILABLE'
                                        and (cast(:floor as text) is null or floor_id = :floor)
                                        and exists (select 1 from zone z join floor f
                                                      on f.lot_id = z.lot_id and f.id = z.floor_id
                                                     where z.lot_id = spot.lot_id and z.floor_id = spot.floor_id
                                                       and z.code = spot.zone_code and z.enabled and f.enabled)
                                      order by floor_id, zone_code, sort_key
                                      limit 1
                                      for update skip locked)
                           and status = 'AVAILABLE'
                        returning id, floor_id, zone_code
                        """)
                .param("hold", holdId)
                .param("until", java.sql.Timestamp.from(expiresAt))
                .param("lot", lot.id())
                .param("type", type.name())
                .param("floor", floorId)
                .query((rs, n) -> new Hold(holdId, rs.getString(1), rs.getString(2), rs.getString(3), type, expiresAt))
                .optional()
                .map(hold -> {
                    counters.recordShift(
                            lot.id(), hold.floorId(), hold.zone(), type, SpotStatus.AVAILABLE, SpotStatus.RESERVED);
                    events.publishEvent(new Audited(
                            "hold.created",
                            "spot",
                            hold.spotId(),
                            lot.id(),
                            Map.of("status", "AVAILABLE"),
                            Map.of("status", "RESERVED", "holdId", holdId, "expiresAt", expiresAt.toString())));
                    return hold;
                })
                .orElseThrow(() -> new LotFullException(lot.id(), type.name()));
    }

    /** Turns a live hold into an occupied spot (entry with a reservation). */
    Placement claim(Lot lot, String holdId) {
        return jdbc.sql(
                        """
                        update spot set status = 'OCCUPIED', hold_id = null, hold_until = null, updated_at = now()
                         where hold_id = :hold and lot_id = :lot and status = 'RESERVED' and hold_until > :now
                        returning id, floor_id, zone_code, type
                        """)
                .param("hold", holdId)
                .param("lot", lot.id())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new Placement(
                        rs.getString(1), rs.getString(2), rs.getString(3), SpotType.valueOf(rs.getString(4))))
                .optional()
                .map(placement -> {
                    counters.recordShift(
                            lot.id(),
                            placement.floorId(),
                            placement.zone(),
                            placement.spotType(),
                            SpotStatus.RESERVED,
                            SpotStatus.OCCUPIED);
                    events.publishEvent(new Audited(
                            "hold.claimed",
                            "spot",
                            placement.spotId(),
                            lot.id(),
                            Map.of("status", "RESERVED", "holdId", holdId),
                            Map.of("status", "OCCUPIED")));
                    return placement;
                })
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "hold-not-active",
                        "Hold not active",
                        "Hold " + holdId + " is unknown in lot " + lot.id() + ", expired, or already used"));
    }

    @Transactional
    public boolean cancel(String holdId) {
        return release(jdbc.sql(
                                """
                        update spot set status = 'AVAILABLE', hold_id = null, hold_until = null, updated_at = now()
                         where hold_id = :hold and status = 'RESERVED'
                        returning lot_id, floor_id, zone_code, type, id
                        """)
                        .param("hold", holdId))
                > 0;
    }

    /** Returns every expired hold to AVAILABLE; called by the sweep. */
    @Transactional
    public int releaseExpired() {
        return release(jdbc.sql(
                        """
                        update spot set status = 'AVAILABLE', hold_id = null, hold_until = null, updated_at = now()
                         where status = 'RESERVED' and hold_until <= :now
                        returning lot_id, floor_id, zone_code, type, id
                        """)
                .param("now", java.sql.Timestamp.from(clock.instant())));
    }

    private int release(JdbcClient.StatementSpec released) {
        List<String[]> rows = released.query((rs, n) -> new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                })
                .list();
        for (String[] row : rows) {
            counters.recordShift(
                    row[0], row[1], row[2], SpotType.valueOf(row[3]), SpotStatus.RESERVED, SpotStatus.AVAILABLE);
            events.publishEvent(new Audited(
                    "hold.released",
                    "spot",
                    row[4],
                    row[0],
                    Map.of("status", "RESERVED"),
                    Map.of("status", "AVAILABLE")));
        }
        return rows.size();
    }

    Optional<String> lotOf(String holdId) {
        return jdbc.sql("select lot_id from spot where hold_id = :hold")
                .param("hold", holdId)
                .query(String.class)
                .optional();
    }

    Optional<Hold> find(String holdId) {
        return jdbc.sql("select id, floor_id, zone_code, type, hold_until from spot where hold_id = :hold")
                .param("hold", holdId)
                .query((rs, n) -> new Hold(
                        holdId,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        SpotType.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }
}
