package org.parkline.server.enforcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.ProtectedPlate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Vehicles allowed to park without paying, for a reason and a time (police, utilities, an event's guests). */
@Service
class Exemptions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Exemptions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record Exemption(
            String id, String lotId, @Nullable String zone, String reason, Instant validFrom, Instant validUntil) {}

    Exemption grant(
            String lotId, @Nullable String zone, ProtectedPlate plate, String reason, Instant from, Instant until) {
        if (!until.isAfter(from)) throw ApiProblem.invalid("validUntil: must be after validFrom");
        if (reason.strip().length() < 3) throw ApiProblem.invalid("reason: at least 3 characters");
        Exemption e = new Exemption(Ids.next("EX", clock), lotId, zone, reason.strip(), from, until);
        jdbc.sql(
                        """
                        insert into exemption (id, lot_id, zone_code, plate_hmac, plate_cipher, plate_key_id, reason,
                                               valid_from, valid_until, created_at)
                        values (:id, :lot, :zone, :hmac, :cipher, :keyId, :reason, :from, :until, :at)
                        """)
                .param("id", e.id())
                .param("lot", lotId)
                .param("zone", zone)
                .param("hmac", plate.lookupHash())
                .param("cipher", plate.ciphertext())
                .param("keyId", plate.keyId())
                .param("reason", e.reason())
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new Audited(
                "exemption.granted",
                "exemption",
                e.id(),
                lotId,
                null,
                Map.of("reason", e.reason(), "validFrom", from.toString(), "validUntil", until.toString())));
        return e;
    }

    List<Exemption> validAt(byte[] plateHash, String lotId, @Nullable String zone, Instant at) {
        return jdbc.sql(
                        """
                        select id, lot_id, zone_code, reason, valid_from, valid_until from exemption
                         where plate_hmac = :hmac and lot_id = :lot and valid_from <= :at and valid_until > :at
                           and (zone_code is null or cast(:zone as text) is null or zone_code = :zone)
                        """)
                .param("hmac", plateHash)
                .param("lot", lotId)
                .param("at", Timestamp.from(at))
                .param("zone", zone)
                .query((rs, n) -> new Exemption(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
