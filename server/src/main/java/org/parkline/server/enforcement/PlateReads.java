package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Ids;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.LotCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plate-reader reads from fixed cameras, patrol vehicles and handhelds. Each read is stored (protected, kept for the
 * retention period), checked on the live data, chalked against the zone's time limit, and matched against the
 * hotlists; hits are recorded.
 */
@Service
class PlateReads {

    private final JdbcClient jdbc;
    private final PlateCheck check;
    private final Hotlists hotlists;
    private final TimeLimits limits;
    private final Patrols patrols;
    private final PlateProtector plates;
    private final LotCatalog lots;
    private final LotAccess access;
    private final Clock clock;
    private final BigDecimal minConfidence;

    PlateReads(
            JdbcClient jdbc,
            PlateCheck check,
            Hotlists hotlists,
            TimeLimits limits,
            Patrols patrols,
            PlateProtector plates,
            LotCatalog lots,
            LotAccess access,
            Clock clock,
            @Value("${parkline.enforcement.min-confidence:0.6}") BigDecimal minConfidence) {
        this.jdbc = jdbc;
        this.check = check;
        this.hotlists = hotlists;
        this.limits = limits;
        this.patrols = patrols;
        this.plates = plates;
        this.lots = lots;
        this.access = access;
        this.clock = clock;
        this.minConfidence = minConfidence;
    }

    enum Source {
        FIXED,
        PATROL,
        HANDHELD
    }

    record Read(
            String plate,
            BigDecimal confidence,
            String deviceId,
            Source source,
            String lotId,
            @Nullable String zone,
            @Nullable Instant readAt,
            @Nullable String imageRef,
            @Nullable String patrolId) {}

    /** Digital chalking: first seen in the zone at, limit, and whether the stay is past it. */
    record Chalk(Instant firstSeenAt, int limitMinutes, long minutesSeen, boolean overstay) {}

    record Outcome(
            String readId,
            boolean lowConfidence,
            PlateCheck.Result check,
            @Nullable Chalk chalk,
            List<Hotlists.Hit> hotlistHits) {}

    @Transactional
    Outcome record(Read read) {
        lots.lot(read.lotId()).orElseThrow(() -> ApiProblem.notFound("lot", read.lotId()));
        access.requireLot(read.lotId());
        Zones.require(lots, read.lotId(), read.zone());
        if (read.confidence().signum() < 0 || read.confidence().compareTo(BigDecimal.ONE) > 0) {
            throw ApiProblem.invalid("confidence: from 0 to 1");
        }
        if (read.patrolId() != null) patrols.requireOpen(read.patrolId(), read.lotId());
        Instant now = clock.instant();
        Instant at = read.readAt() == null ? now : read.readAt();
        if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(Duration.ofDays(7)))) {
            throw ApiProblem.invalid("readAt: within the last 7 days (and not in the future)");
        }
        ProtectedPlate plate = plates.protect(read.plate()).orElseThrow(() -> ApiProblem.invalid("plate: required"));
        boolean trusted = read.confidence().compareTo(minConfidence) >= 0;
        PlateCheck.Result result = check.check(plate.lookupHash(), read.lotId(), read.zone(), at);
        Chalk chalk = trusted ? chalk(plate.lookupHash(), read.lotId(), read.zone(), at, result) : null;
        String id = Ids.next("LR", clock);
        jdbc.sql(
                        """
                        insert into lpr_read (id, lot_id, zone_code, plate_hmac, plate_cipher, plate_key_id, confidence,
                                              device_id, source, patrol_id, image_ref, read_at, received_at, overstay)
                        values (:id, :lot, :zone, :hmac, :cipher, :keyId, :confidence, :device, :source, :patrol,
                                :image, :at, :now, :overstay)
                        """)
                .param("id", id)
                .param("lot", read.lotId())
                .param("zone", read.zone())
                .param("hmac", plate.lookupHash())
                .param("cipher", plate.ciphertext())
                .param("keyId", plate.keyId())
                .param("confidence", read.confidence())
                .param("device", read.deviceId())
                .param("source", read.source().name())
                .param("patrol", read.patrolId())
                .param("image", read.imageRef())
                .param("at", Timestamp.from(at))
                .param("now", Timestamp.from(now))
                .param("overstay", chalk != null && chalk.overstay())
                .update();
        List<Hotlists.Hit> hits = trusted ? hotlists.raise(id, read.lotId(), result.alerts(), at) : List.of();
        return new Outcome(id, !trusted, result, chalk, hits);
    }

    /**
     * The vehicle's stay in the zone so far: walks back through its earlier trusted reads there while no gap is longer
     * than the limit (a longer gap means it left and came back). Permits and exemptions lift the limit.
     */
    private @Nullable Chalk chalk(
            byte[] plateHash, String lotId, @Nullable String zone, Instant at, PlateCheck.Result result) {
        Integer limit = limits.minutes(lotId, zone).orElse(null);
        if (limit == null) return null;
        Duration max = Duration.ofMinutes(limit);
        List<Instant> earlier = jdbc.sql(
                        """
                        select read_at from lpr_read
                         where lot_id = :lot and plate_hmac = :hmac and read_at <= :at and read_at > :since
                           and (cast(:zone as text) is null or zone_code = :zone) and confidence >= :min
                         order by read_at desc
                        """)
                .param("lot", lotId)
                .param("hmac", plateHash)
                .param("at", Timestamp.from(at))
                .param("since", Timestamp.from(at.minus(Duration.ofHours(24))))
                .param("zone", zone)
                .param("min", minConfidence)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
        Instant first = at;
        for (Instant seen : earlier) {
            if (Duration.between(seen, first).compareTo(max) > 0) break;
            first = seen;
        }
        long minutes = Duration.between(first, at).toMinutes();
        boolean exempt = result.reasons().stream().anyMatch(r -> r.source() != PlateCheck.Source.TICKET);
        boolean over = Duration.between(first, at).compareTo(max) > 0 && !exempt;
        return new Chalk(first, limit, minutes, over);
    }
}
