package org.parkline.server.payments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refund rows; PENDING until the PSP answered (or at once for cash). */
@Repository
class RefundLedger {

    private static final String COLUMNS =
            """
            id, payment_id, lot_id, amount, currency, reason, status, approval_role, idempotency_key, failure_reason,
            created_at, completed_at
            """;

    private final JdbcClient jdbc;

    RefundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Refund> byKey(String paymentId, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS
                        + " from payment_refund where payment_id = :payment and idempotency_key = :key")
                .param("payment", paymentId)
                .param("key", idempotencyKey)
                .query(RefundLedger::refund)
                .optional();
    }

    List<Refund> ofPayment(String paymentId) {
        return jdbc.sql("select " + COLUMNS + " from payment_refund where payment_id = :payment order by seq")
                .param("payment", paymentId)
                .query(RefundLedger::refund)
                .list();
    }

    /** What is given back or on its way back: the policy's limit counts PENDING refunds too. */
    BigDecimal committedTotal(String paymentId) {
        return jdbc.sql(
                        """
                        select coalesce(sum(amount), 0) from payment_refund
                         where payment_id = :payment and status in ('PENDING', 'SUCCEEDED')
                        """)
                .param("payment", paymentId)
                .query(BigDecimal.class)
                .single();
    }

    boolean insert(Refund r) {
        return jdbc.sql(
                                """
                        insert into payment_refund (id, payment_id, lot_id, amount, currency, reason, status, approval_role,
                                                    idempotency_key, created_at)
                        values (:id, :payment, :lot, :amount, :currency, :reason, 'PENDING', :role, :key, :at)
                        on conflict (payment_id, idempotency_key) do nothing
                        """)
                        .param("id", r.id())
                        .param("payment", r.paymentId())
                        .param("lot", r.lotId())
                        .param("amount", r.amount())
                        .param("currency", r.currency().getCurrencyCode())
                        .param("reason", r.reason())
                        .param("role", r.approvalRole())
                        .param("key", r.idempotencyKey())
                        .param("at", Timestamp.from(r.createdAt()))
                        .update()
                == 1;
    }

    boolean finish(
            String id, Refund.Status status, @Nullable String pspReference, @Nullable String reason, Instant at) {
        return jdbc.sql(
                                """
                        update payment_refund set status = :status, psp_reference = :ref, failure_reason = :reason,
                               completed_at = :at
                         where id = :id and status = 'PENDING'
                        """)
                        .param("status", status.name())
                        .param("ref", pspReference)
                        .param("reason", reason)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    List<Refund> pendingBefore(Instant before, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from payment_refund where status = 'PENDING' and created_at < :before"
                        + " order by seq limit :limit")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(RefundLedger::refund)
                .list();
    }

    Optional<Refund> byId(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment_refund where id = :id")
                .param("id", id)
                .query(RefundLedger::refund)
                .optional();
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp(12);
        return new Refund(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBigDecimal(4),
                Currency.getInstance(rs.getString(5)),
                rs.getString(6),
                Refund.Status.valueOf(rs.getString(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
