package org.parkline.server.appeals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appeals, their evidence and their notifications in the database. */
@Repository
class AppealBook {

    private static final String COLUMNS =
            """
            id, citation_id, lot_id, status, statement, submitted_by, submitted_at, decision, decision_reason,
            new_amount, refunded, decided_by, decided_at
            """;

    private final JdbcClient jdbc;

    AppealBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Evidence(
            String id,
            String appealId,
            String contentType,
            int sizeBytes,
            String sha256,
            @Nullable String fileName,
            String uploadedBy,
            Instant uploadedAt) {}

    record Notification(String id, String message, Instant createdAt, @Nullable Instant deliveredAt) {}

    /** False when the citation already has an undecided appeal (the partial unique index). */
    boolean insert(Appeal a) {
        return jdbc.sql(
                                """
                        insert into appeal (id, citation_id, lot_id, status, statement, submitted_by, submitted_at)
                        values (:id, :citation, :lot, 'SUBMITTED', :statement, :by, :at)
                        on conflict do nothing
                        """)
                        .param("id", a.id())
                        .param("citation", a.citationId())
                        .param("lot", a.lotId())
                        .param("statement", a.statement())
                        .param("by", a.submittedBy())
                        .param("at", Timestamp.from(a.submittedAt()))
                        .update()
                > 0;
    }

    Optional<Appeal> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from appeal where id = :id")
                .param("id", id)
                .query(AppealBook::appeal)
                .optional();
    }

    Optional<Appeal> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from appeal where id = :id for update")
                .param("id", id)
                .query(AppealBook::appeal)
                .optional();
    }

    List<Appeal> open(String lotId) {
        return jdbc.sql("select " + COLUMNS
                        + " from appeal where lot_id = :lot and status = 'SUBMITTED' order by submitted_at limit 500")
                .param("lot", lotId)
                .query(AppealBook::appeal)
                .list();
    }

    List<Appeal> ofCitation(String citationId) {
        return jdbc.sql("select " + COLUMNS + " from appeal where citation_id = :citation order by submitted_at")
                .param("citation", citationId)
                .query(AppealBook::appeal)
                .list();
    }

    void decide(
            String id,
            Appeal.Decision decision,
            String reason,
            @Nullable BigDecimal newAmount,
            BigDecimal refunded,
            String decidedBy,
            Instant at) {
        jdbc.sql(
                        """
                        update appeal set status = 'DECIDED', decision = :decision, decision_reason = :reason,
                                          new_amount = :newAmount, refunded = :refunded, decided_by = :by,
                                          decided_at = :at
                         where id = :id and status = 'SUBMITTED'
                        """)
                .param("decision", decision.name())
                .param("reason", reason)
                .param("newAmount", newAmount)
                .param("refunded", refunded)
                .param("by", decidedBy)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void insertEvidence(Evidence e, byte[] content, byte[] sha256) {
        jdbc.sql(
                        """
                        insert into appeal_evidence (id, appeal_id, content_type, size_bytes, sha256, file_name, content,
                                                     uploaded_by, uploaded_at)
                        values (:id, :appeal, :type, :size, :sha, :name, :content, :by, :at)
                        """)
                .param("id", e.id())
                .param("appeal", e.appealId())
                .param("type", e.contentType())
                .param("size", e.sizeBytes())
                .param("sha", sha256)
                .param("name", e.fileName())
                .param("content", content)
                .param("by", e.uploadedBy())
                .param("at", Timestamp.from(e.uploadedAt()))
                .update();
    }

    List<Evidence> evidence(String appealId) {
        return jdbc.sql(
                        """
                        select id, appeal_id, content_type, size_bytes, encode(sha256, 'hex'), file_name, uploaded_by,
                               uploaded_at
                          from appeal_evidence where appeal_id = :appeal order by uploaded_at, id
                        """)
                .param("appeal", appealId)
                .query((rs, n) -> new Evidence(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    Optional<byte[]> evidenceContent(String appealId, String evidenceId) {
        return jdbc.sql("select content from appeal_evidence where id = :id and appeal_id = :appeal")
                .param("id", evidenceId)
                .param("appeal", appealId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void notify(String id, String appealId, String message, Instant at) {
        jdbc.sql(
                        """
                        insert into appeal_notification (id, appeal_id, message, created_at)
                        values (:id, :appeal, :message, :at)
                        """)
                .param("id", id)
                .param("appeal", appealId)
                .param("message", message)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Notification> notifications(String appealId) {
        return jdbc.sql(
                        """
                        select id, message, created_at, delivered_at from appeal_notification
                         where appeal_id = :appeal order by created_at, id
                        """)
                .param("appeal", appealId)
                .query((rs, n) -> new Notification(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static Appeal appeal(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString(8);
        Timestamp decidedAt = rs.getTimestamp(13);
        return new Appeal(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Appeal.Status.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                decision == null ? null : Appeal.Decision.valueOf(decision),
                rs.getString(9),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                rs.getString(12),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
