package org.parkline.client;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param collectedBy for {@link PaymentMethod#CASH} only: who took the money
 */
public record PaymentRequest(
        String ticketId,
        PaymentMethod method,
        String paymentToken,
        String idempotencyKey,
        BigDecimal amount,
        @JsonInclude(JsonInclude.Include.NON_NULL) CashCollector collectedBy) {

    /** A card or wallet payment, or cash without a collector (which the server refuses). */
    public PaymentRequest(
            String ticketId, PaymentMethod method, String paymentToken, String idempotencyKey, BigDecimal amount) {
        this(ticketId, method, paymentToken, idempotencyKey, amount, null);
    }

    /** Who took a cash payment: an operator at a booth or a pay-station device. */
    public record CashCollector(String kind, String id) {
        public static CashCollector operator(String operatorId) {
            return new CashCollector("OPERATOR", operatorId);
        }

        public static CashCollector payStation(String deviceId) {
            return new CashCollector("PAY_STATION", deviceId);
        }
    }

    /** Pays whatever is due on the ticket. */
    public static PaymentRequest amountDue(String ticketId, PaymentMethod method, String paymentToken) {
        return new PaymentRequest(ticketId, method, paymentToken, null, null);
    }

    /** Cash for whatever is due, recorded by the operator or pay station that took it. */
    public static PaymentRequest cash(String ticketId, CashCollector collectedBy) {
        return new PaymentRequest(ticketId, PaymentMethod.CASH, null, null, null, collectedBy);
    }

    PaymentRequest withIdempotencyKey(String key) {
        return new PaymentRequest(ticketId, method, paymentToken, key, amount, collectedBy);
    }
}
