package org.parkline.server.payments;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The port to a payment service provider. Parkline hands over a token the PSP issued to the payer's device, never
 * a card number, and its own idempotency key, so a retried charge is one charge at the PSP too.
 */
public interface PaymentServiceProvider {

    String name();

    ChargeResult charge(ChargeRequest request);

    record ChargeRequest(
            String paymentId, String paymentToken, BigDecimal amount, Currency currency, String idempotencyKey) {}

    sealed interface ChargeResult {
        record Captured(String pspReference) implements ChargeResult {}

        record Declined(String reason) implements ChargeResult {}
    }

    /** The PSP did not answer in time: the charge may or may not have happened; retry with the same key. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
