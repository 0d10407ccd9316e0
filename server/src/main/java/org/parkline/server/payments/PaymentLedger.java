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

/** Payments and their history: every status a payment passes through is a row of its own. */
@Repository
class PaymentLedger {

    private static final String COLUMNS =
            """
            id, lot_id, payable_kind, payable_ref, amount, currency, method, status, failure_reason, created_at
            """;

    private final JdbcClient jdbc;

    PaymentLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payment> byKey(String payableKind, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from payment where payable_kind = :kind and idempotency_key = :key")
                .param("kind", payableKind)
                .param("key", idempotencyKey)
                .query(PaymentLedger::payment)
                .optional();
    }

    Optional<Payment> byId(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = :id")
                .param("id", id)
                .query(PaymentLedger::payment)
                .optional();
    }

    /** Inserts a new payment; false when another request with the same key got there first. */
    boolean insert(Payment payment, String psp, String idempotencyKey) {
        int inserted = jdbc.sql(
                        """
                        insert into payment (id, lot_id, payable_kind, payable_ref, amount, currency, method, status,
                                             psp, idempotency_key, created_at, updated_at)
                        values (:id, :lot, :kind, :ref, :amount, :currency, :method, :status, :psp, :key, :at, :at)
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
                .param("psp", psp)
                .param("key", idempotencyKey)
                .param("at", Timestamp.from(payment.createdAt()))
                .update();
        if (inserted == 1) history(payment.id(), payment.status(), payment.createdAt(), null);
        return inserted == 1;
    }

    void transition(
            String paymentId,
            PaymentStatus to,
            Instant at,
            @Nullable String pspReference,
            @Nullable String failureReason) {
        jdbc.sql(
                        """
                        update payment set status = :status, psp_reference = coalesce(:ref, psp_reference),
                               failure_reason = :reason, updated_at = :at
                         where id = :id
                        """)
                .param("status", to.name())
                .param("ref", pspReference)
                .param("reason", failureReason)
                .param("at", Timestamp.from(at))
                .param("id", paymentId)
                .update();
        history(paymentId, to, at, failureReason);
    }

    Settlement settlement(String payableKind, String payableRef) {
        record Captured(String id, BigDecimal amount, Instant at) {}
        List<Captured> captured = jdbc.sql(
                        """
                        select id, amount, updated_at from payment
                         where payable_kind = :kind and payable_ref = :ref and status = 'CAPTURED'
                         order by updated_at
                        """)
                .param("kind", payableKind)
                .param("ref", payableRef)
                .query((rs, n) -> new Captured(
                        rs.getString(1), rs.getBigDecimal(2), rs.getTimestamp(3).toInstant()))
                .list();
        if (captured.isEmpty()) return Settlement.NONE;
        return new Settlement(
                captured.stream().map(Captured::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                captured.getLast().at(),
                captured.stream().map(Captured::id).toList());
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

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString(6));
        return new Payment(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5).setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP),
                currency,
                PaymentMethod.valueOf(rs.getString(7)),
                PaymentStatus.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }
}
