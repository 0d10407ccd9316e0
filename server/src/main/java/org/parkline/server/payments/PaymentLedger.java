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

/**
 * Payments and their history: every status a payment passes through is a row of its own. Each transition is a
 * conditional update from the states it may leave, so two workers finishing one payment cannot both move it.
 */
@Repository
class PaymentLedger {

    private static final String COLUMNS =
            """
            id, lot_id, payable_kind, payable_ref, amount, currency, method, status, failure_reason, created_at,
            refunded_amount, captured_at, released_at, collected_by, idempotency_key, psp, psp_reference
            """;

    private final JdbcClient jdbc;

    PaymentLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredPayment> byKey(String payableKind, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from payment where payable_kind = :kind and idempotency_key = :key")
                .param("kind", payableKind)
                .param("key", idempotencyKey)
                .query(PaymentLedger::stored)
                .optional();
    }

    Optional<StoredPayment> byId(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = :id")
                .param("id", id)
                .query(PaymentLedger::stored)
                .optional();
    }

    /** Every payment made for one payable, whatever became of it, oldest first. */
    List<StoredPayment> ofPayable(String payableKind, String payableRef) {
        return jdbc.sql("select " + COLUMNS
                        + " from payment where payable_kind = :kind and payable_ref = :ref order by created_at, id")
                .param("kind", payableKind)
                .param("ref", payableRef)
                .query(PaymentLedger::stored)
                .list();
    }

    /** Locks the payment row until the transaction ends: refunds of one payment queue here. */
    Optional<StoredPayment> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = :id for update")
                .param("id", id)
                .query(PaymentLedger::stored)
                .optional();
    }

    /** Inserts a new INITIATED payment; false when another request with the same key got there first. */
    boolean insert(StoredPayment stored) {
        Payment payment = stored.payment();
        int inserted = jdbc.sql(
                        """
                        insert into payment (id, lot_id, payable_kind, payable_ref, amount, currency, method, status,
                                             psp, idempotency_key, collected_by, created_at, updated_at)
                        values (:id, :lot, :kind, :ref, :amount, :currency, :method, :status, :psp, :key, :collectedBy,
                                :at, :at)
                        on conflict (payable_kind, idempotency_key) do nothing
                        """)
                .param("id", payment.id())
                .param("lot", payment.lotId())
                .param("kind", payment.payableKind())
                .param("ref", payment.payableRef())
                .param("amount", payment.amount())
                .param("currency", payment.currency().getCurrencyCode())
                .param("method", payment.method().name())
                .param("status", payment.status().name())
                .param("psp", stored.psp())
                .param("key", stored.idempotencyKey())
                .param("collectedBy", payment.collectedBy())
                .param("at", Timestamp.from(payment.createdAt()))
                .update();
        if (inserted == 1) history(payment.id(), payment.status(), payment.createdAt(), null);
        return inserted == 1;
    }

    boolean toAuthorized(String id, String pspReference, Instant at) {
        return transition(
                id,
                "status = 'AUTHORIZED', psp_reference = :ref, authorized_at = :at",
                "status = 'INITIATED'",
                pspReference,
                null,
                at,
                PaymentStatus.AUTHORIZED,
                "psp " + pspReference);
    }

    boolean toCaptured(String id, @Nullable String pspReference, Instant at) {
        return transition(
                id,
                "status = 'CAPTURED', psp_reference = coalesce(:ref, psp_reference), captured_at = :at",
                "status in ('INITIATED', 'AUTHORIZED')",
                pspReference,
                null,
                at,
                PaymentStatus.CAPTURED,
                null);
    }

    boolean toFailed(String id, String reason, Instant at) {
        return transition(
                id,
                "status = 'FAILED', failure_reason = :reason",
                "status in ('INITIATED', 'AUTHORIZED')",
                null,
                reason,
                at,
                PaymentStatus.FAILED,
                reason);
    }

    /** Adds a succeeded refund to the payment's refunded total; REFUNDED once all of it was given back. */
    PaymentStatus addRefund(String id, BigDecimal amount, String detail, Instant at) {
        PaymentStatus status = jdbc.sql(
                        """
                        update payment set refunded_amount = refunded_amount + :amount,
                               status = case when refunded_amount + :amount >= amount then 'REFUNDED' else status end,
                               updated_at = :at
                         where id = :id and status = 'CAPTURED'
                        returning status
                        """)
                .param("amount", amount)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .query((rs, n) -> PaymentStatus.valueOf(rs.getString(1)))
                .single();
        history(id, status, at, detail);
        return status;
    }

    /** Marks the payable's pending payments as released (the vehicle left); the ids of those marked. */
    List<String> releasePending(String payableKind, String payableRef, Instant at) {
        List<String> released = jdbc.sql(
                        """
                        update payment set released_at = :at
                         where payable_kind = :kind and payable_ref = :ref and status = 'AUTHORIZED'
                           and released_at is null
                        returning id
                        """)
                .param("at", Timestamp.from(at))
                .param("kind", payableKind)
                .param("ref", payableRef)
                .query(String.class)
                .list();
        released.forEach(
                id -> history(id, PaymentStatus.AUTHORIZED, at, "released: the payer left with the capture pending"));
        return released;
    }

    /** Payments whose outcome is not known yet and that nobody touched since {@code before}, oldest first. */
    List<StoredPayment> unfinished(Instant before, int limit) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from payment where status in ('INITIATED', 'AUTHORIZED') and updated_at < :before
                         order by updated_at limit :limit
                        """)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(PaymentLedger::stored)
                .list();
    }

    /**
     * What a payable has paid. With {@code lock}, the covering and pending payments stay as they are until the
     * transaction ends, so a capture that fails meanwhile waits and then finds the payment released.
     */
    Settlement settlement(String payableKind, String payableRef, boolean lock) {
        record Row(String id, PaymentStatus status, BigDecimal net, Instant at) {}
        List<Row> rows = jdbc.sql(
                        """
                        select id, status, amount - refunded_amount, coalesce(captured_at, authorized_at, updated_at)
                          from payment
                         where payable_kind = :kind and payable_ref = :ref
                           and status in ('CAPTURED', 'REFUNDED', 'AUTHORIZED')
                         order by 4
                        """
                                + (lock ? " for update" : ""))
                .param("kind", payableKind)
                .param("ref", payableRef)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        PaymentStatus.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        if (rows.isEmpty()) return Settlement.NONE;
        BigDecimal captured = BigDecimal.ZERO;
        BigDecimal pending = BigDecimal.ZERO;
        for (Row row : rows) {
            if (row.status() == PaymentStatus.AUTHORIZED) pending = pending.add(row.net());
            else captured = captured.add(row.net());
        }
        return new Settlement(
                captured,
                pending,
                rows.getLast().at(),
                rows.stream().map(Row::id).toList());
    }

    record HistoryEntry(int seq, PaymentStatus status, Instant at, @Nullable String detail) {}

    List<HistoryEntry> history(String paymentId) {
        return jdbc.sql("select seq, status, at, detail from payment_history where payment_id = :id order by seq")
                .param("id", paymentId)
                .query((rs, n) -> new HistoryEntry(
                        rs.getInt(1),
                        PaymentStatus.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    private boolean transition(
            String id,
            String set,
            String from,
            @Nullable String pspReference,
            @Nullable String reason,
            Instant at,
            PaymentStatus to,
            @Nullable String detail) {
        int moved = jdbc.sql("update payment set " + set + ", updated_at = :at where id = :id and " + from)
                .param("ref", pspReference)
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
        if (moved == 1) history(id, to, at, detail);
        return moved == 1;
    }

    private void history(String paymentId, PaymentStatus status, Instant at, @Nullable String detail) {
        jdbc.sql(
                        """
                        insert into payment_history (payment_id, seq, status, at, detail)
                        select :id, coalesce(max(seq), 0) + 1, :status, :at, :detail
                          from payment_history where payment_id = :id
                        """)
                .param("id", paymentId)
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .param("detail", detail)
                .update();
    }

    private static StoredPayment stored(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString(6));
        int scale = currency.getDefaultFractionDigits();
        Timestamp capturedAt = rs.getTimestamp(12);
        Timestamp releasedAt = rs.getTimestamp(13);
        Payment payment = new Payment(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5).setScale(scale, java.math.RoundingMode.HALF_UP),
                currency,
                PaymentMethod.valueOf(rs.getString(7)),
                PaymentStatus.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getBigDecimal(11).setScale(scale, java.math.RoundingMode.HALF_UP),
                capturedAt == null ? null : capturedAt.toInstant(),
                releasedAt == null ? null : releasedAt.toInstant(),
                rs.getString(14));
        return new StoredPayment(payment, rs.getString(15), rs.getString(16), rs.getString(17));
    }
}
