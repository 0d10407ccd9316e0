package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * Money given back on a captured payment: a row of its own, so one payment may have several partial refunds.
 *
 * @param approvalRole the role the refund policy asks for at this amount: OPERATOR up to the limit, ADMIN above
 */
record Refund(
        String id,
        String paymentId,
        String lotId,
        BigDecimal amount,
        Currency currency,
        String reason,
        Status status,
        String approvalRole,
        String idempotencyKey,
        @Nullable String failureReason,
        Instant createdAt,
        @Nullable Instant completedAt) {

    enum Status {
        PENDING,
        SUCCEEDED,
        FAILED
    }

    String pspKey() {
        return "refund:" + paymentId + ":" + idempotencyKey;
    }
}
