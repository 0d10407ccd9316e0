package org.parkline.server.permits;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The permits' answer to "may this plate park here now?", for gates (ticketless entry) and enforcement (plate
 * checks), and "which permits did this plate hold then?" for adjudicators. Reads the permit rows themselves: a
 * permit paid a second ago is valid now.
 */
@Service
public class PermitCheck {

    private final JdbcClient jdbc;

    PermitCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A permit that makes a plate's parking valid: which one, of what type, until when. */
    public record ValidPermit(String permitId, String typeName, String category, Instant validUntil) {}

    /**
     * A permit the plate was linked to at some instant, whatever its state.
     *
     * @param validThere whether it was valid at the place and instant asked about
     */
    public record HeldPermit(
            String permitId,
            String typeName,
            String status,
            List<String> lotIds,
            List<String> zones,
            Instant validFrom,
            Instant validUntil,
            boolean validThere) {}

    /**
     * Permits valid for the plate (its look-up hash) in a lot, and zone when given, at an instant. A permit limited
     * to some zones counts at lot level (no zone given) too: the officer or gate did not say where in the lot.
     */
    public List<ValidPermit> validAt(byte[] plateHash, String lotId, @Nullable String zone, Instant at) {
        return jdbc.sql(
                        """
                        select p.id, t.name, t.category, p.valid_until
                          from permit_vehicle v
                          join permit p on p.id = v.permit_id
                          join permit_type t on t.id = p.type_id
                         where v.plate_hmac = :hmac and v.added_at <= :at and (v.removed_at is null or v.removed_at > :at)
                           and p.status = 'ACTIVE' and p.valid_from <= :at and p.valid_until > :at
                           and :lot = any(t.lot_ids)
                           and (cardinality(t.zones) = 0 or cast(:zone as text) is null or :zone = any(t.zones))
                         order by p.valid_until desc
                        """)
                .param("hmac", plateHash)
                .param("at", Timestamp.from(at))
                .param("lot", lotId)
                .param("zone", zone)
                .query((rs, n) -> new ValidPermit(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Every permit the plate was linked to at an instant, and whether it was valid in that lot and zone then. */
    public List<HeldPermit> heldAt(byte[] plateHash, String lotId, @Nullable String zone, Instant at) {
        return jdbc.sql(
                        """
                        select p.id, t.name, p.status, t.lot_ids, t.zones, p.valid_from, p.valid_until,
                               p.status = 'ACTIVE' and p.valid_from <= :at and p.valid_until > :at
                                 and :lot = any(t.lot_ids)
                                 and (cardinality(t.zones) = 0 or cast(:zone as text) is null or :zone = any(t.zones))
                          from permit_vehicle v
                          join permit p on p.id = v.permit_id
                          join permit_type t on t.id = p.type_id
                         where v.plate_hmac = :hmac and v.added_at <= :at and (v.removed_at is null or v.removed_at > :at)
                         order by p.valid_from
                        """)
                .param("hmac", plateHash)
                .param("at", Timestamp.from(at))
                .param("lot", lotId)
                .param("zone", zone)
                .query((rs, n) -> new HeldPermit(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()),
                        List.of((String[]) rs.getArray(5).getArray()),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8)))
                .list();
    }
}
