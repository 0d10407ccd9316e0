package org.parkline.client;

import java.math.BigDecimal;

/**
 * A payment for a ticket ({@code POST /v1/payments}).
 *
 * @param ticketId the ticket being paid
 * @param method how the parker pays
 * @param paymentToken the PSP token (never a card number)
 * @param idempotencyKey the payment's key; {@code null} lets {@link ParklineClient#pay} fill in the
 *     key it sends as header
 * @param amount what to pay, or {@code null} for the amount due
 */
public record PaymentRequest(
        String ticketId, PaymentMethod method, String paymentToken, String idempotencyKey, BigDecimal amount) {

    /** Pays whatever is due on the ticket. */
    public static PaymentRequest amountDue(String ticketId, PaymentMethod method, String paymentToken) {
        return new PaymentRequest(ticketId, method, paymentToken, null, null);
    }

    PaymentRequest withIdempotencyKey(String key) {
        return new PaymentRequest(ticketId, method, paymentToken, key, amount);
    }
}
