package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ProtectedPlate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Citations and their evidence in the database. */
@Repository
class CitationBook {

    private static final String COLUMNS =
            """
            id, number, lot_id, zone_code, location, plate_hmac, plate_cipher, plate_key_id, vehicle, violation_code,
            violation, fine, late_fee, late_from, reduced_to, currency, status, officer_id, patrol_id, issued_at
            """;

    private final JdbcClient jdbc;

    CitationBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Evidence(
            String id,
            String citationId,
            String contentType,
            int sizeBytes,
            byte[] sha256,
            @Nullable String fileName,
            String uploadedBy,
            Instant uploadedAt) {}

    void insert(Citation c) {
        jdbc.sql(
                        """
                        insert into citation (id, number, lot_id, zone_code, location, plate_hmac, plate_cipher,
                                              plate_key_id, vehicle, violation_code, violation, fine, late_fee,
                                              late_from, currency, status, officer_id, patrol_id, issued_at, updated_at)
                        values (:id, :number, :lot, :zone, :location, :hmac, :cipher, :keyId, :vehicle, :code,
                                :violation, :fine, :lateFee, :lateFrom, :currency, :status, :officer, :patrol,
                                :issuedAt, :issuedAt)
                        """)
                .param("id", c.id())
                .param("number", c.number())
                .param("lot", c.lotId())
                .param("zone", c.zone())
                .param("location", c.location())
                .param("hmac", c.plate().lookupHash())
                .param("cipher", c.plate().ciphertext())
                .param("keyId", c.plate().keyId())
                .param("vehicle", c.vehicle())
                .param("code", c.violationCode())
                .param("violation", c.violation())
                .param("fine", c.fine())
                .param("lateFee", c.lateFee())
                .param("lateFrom", Timestamp.from(c.lateFrom()))
                .param("currency", c.currency().getCurrencyCode())
                .param("status", c.status().name())
                .param("officer", c.officerId())
                .param("patrol", c.patrolId())
                .param("issuedAt", Timestamp.from(c.issuedAt()))
                .update();
    }

    Optional<Citation> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from citation where id = :id")
                .param("id", id)
                .query(CitationBook::citation)
                .optional();
    }

    Optional<Citation> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from citation where id = :id for update")
                .param("id", id)
                .query(CitationBook::citation)
                .optional();
    }

    Optional<Citation> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from citation where number = :number")
                .param("number", number)
                .query(CitationBook::citation)
                .optional();
    }

    /** Open citations (may still owe) issued before an instant, oldest first: the escalation job's batch. */
    List<Citation> openIssuedBefore(Instant before, int limit) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from citation where status in ('ISSUED', 'UPHELD', 'REDUCED') and issued_at < :before
                         order by issued_at limit :limit
                        """)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(CitationBook::citation)
                .list();
    }

    /** Open citations whose late date passed and whose lateness was not announced yet. */
    List<Citation> lateUnannounced(Instant now, int limit) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from citation where status in ('ISSUED', 'UPHELD', 'REDUCED') and late_from <= :now
                          and late_notified_at is null
                         order by issued_at limit :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(CitationBook::citation)
                .list();
    }

    /** Citations of a plate that may still owe and are past their late date: what makes a scofflaw. */
    List<Citation> overdueOfPlate(byte[] plateHash, Instant now) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from citation where plate_hmac = :hmac
                          and status in ('ISSUED', 'UPHELD', 'REDUCED', 'SENT_TO_COLLECTIONS') and late_from <= :now
                        """)
                .param("hmac", plateHash)
                .param("now", Timestamp.from(now))
                .query(CitationBook::citation)
                .list();
    }

    void status(String id, CitationStatus status, Instant at) {
        jdbc.sql("update citation set status = :status, updated_at = :at where id = :id")
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void decided(String id, CitationStatus status, @Nullable BigDecimal reducedTo, Instant lateFrom, Instant at) {
        jdbc.sql(
                        """
                        update citation set status = :status, reduced_to = :reduced, late_from = :lateFrom,
                                            late_notified_at = null, updated_at = :at
                         where id = :id
                        """)
                .param("status", status.name())
                .param("reduced", reducedTo)
                .param("lateFrom", Timestamp.from(lateFrom))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void lateAnnounced(String id, Instant at) {
        jdbc.sql("update citation set late_notified_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void insertEvidence(Evidence e, byte[] content) {
        jdbc.sql(
                        """
                        insert into citation_evidence (id, citation_id, content_type, size_bytes, sha256, file_name,
                                                       content, uploaded_by, uploaded_at)
                        values (:id, :citation, :type, :size, :sha, :name, :content, :by, :at)
                        """)
                .param("id", e.id())
                .param("citation", e.citationId())
                .param("type", e.contentType())
                .param("size", e.sizeBytes())
                .param("sha", e.sha256())
                .param("name", e.fileName())
                .param("content", content)
                .param("by", e.uploadedBy())
                .param("at", Timestamp.from(e.uploadedAt()))
                .update();
    }

    List<Evidence> evidence(String citationId) {
        return jdbc.sql(
                        """
                        select id, citation_id, content_type, size_bytes, sha256, file_name, uploaded_by, uploaded_at
                          from citation_evidence where citation_id = :citation order by uploaded_at, id
                        """)
                .param("citation", citationId)
                .query((rs, n) -> new Evidence(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getBytes(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    Optional<byte[]> evidenceContent(String citationId, String evidenceId) {
        return jdbc.sql("select content from citation_evidence where id = :id and citation_id = :citation")
                .param("id", evidenceId)
                .param("citation", citationId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    private static Citation citation(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString(16));
        int scale = currency.getDefaultFractionDigits();
        BigDecimal reduced = rs.getBigDecimal(15);
        return new Citation(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                new ProtectedPlate(rs.getBytes(6), rs.getBytes(7), rs.getString(8)),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getBigDecimal(12).setScale(scale, RoundingMode.HALF_UP),
                rs.getBigDecimal(13).setScale(scale, RoundingMode.HALF_UP),
                rs.getTimestamp(14).toInstant(),
                reduced == null ? null : reduced.setScale(scale, RoundingMode.HALF_UP),
                currency,
                CitationStatus.valueOf(rs.getString(17)),
                rs.getString(18),
                rs.getString(19),
                rs.getTimestamp(20).toInstant());
    }
}
