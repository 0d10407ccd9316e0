package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A payment for something payable.
 *
 * @param refunded what was given back so far (a payment is REFUNDED only when all of it was)
 * @param releasedAt when the payable was handed over (the vehicle left) while this payment's capture was pending
 * @param collectedBy for CASH, who took the money: {@code OPERATOR:<id>} or {@code PAY_STATION:<device id>}
 */
public record Payment(
        String id,
        String lotId,
        String payableKind,
        String payableRef,
        BigDecimal amount,
        Currency currency,
        PaymentMethod method,
        PaymentStatus status,
        @Nullable String failureReason,
        Instant createdAt,
        BigDecimal refunded,
        @Nullable Instant capturedAt,
        @Nullable Instant releasedAt,
        @Nullable String collectedBy) {

    /** Captured, or authorized with the capture still under way: either lets the payer go (pending exit). */
    public boolean coversExit() {
        return status == PaymentStatus.CAPTURED || status == PaymentStatus.AUTHORIZED;
    }

    /** Authorized, and the PSP's answer to the capture is not in yet. */
    public boolean pending() {
        return status == PaymentStatus.AUTHORIZED;
    }

    boolean finished() {
        return status != PaymentStatus.INITIATED && status != PaymentStatus.AUTHORIZED;
    }

    BigDecimal refundable() {
        return status == PaymentStatus.CAPTURED ? amount.subtract(refunded) : BigDecimal.ZERO;
    }
}
