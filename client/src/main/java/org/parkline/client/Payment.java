package org.parkline.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The outcome of a payment attempt. A declined card is a {@link PaymentStatus#FAILED} payment, not
 * an exception.
 *
 * @param paymentId the payment's id, passed to exit as {@code paidPaymentId}
 * @param ticketId the ticket paid
 * @param amount the amount
 * @param currency ISO 4217 code
 * @param method how it was paid
 * @param status where the payment stands
 * @param failureReason why it failed, or {@code null}
 * @param createdAt when the payment was made
 * @param refunded what was refunded so far ({@code null} from servers without refunds)
 */
public record Payment(
        String paymentId,
        String ticketId,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        PaymentStatus status,
        String failureReason,
        OffsetDateTime createdAt,
        BigDecimal refunded) {

    /** Whether the money was taken. */
    public boolean captured() {
        return status == PaymentStatus.CAPTURED;
    }

    /**
     * Whether the capture is still under way (AUTHORIZED): the ticket may exit on this payment all
     * the same (pending exit).
     */
    public boolean pending() {
        return status == PaymentStatus.AUTHORIZED;
    }
}
