package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The port to a payment service provider. Parkline hands over a token the PSP issued to the payer's device, never
 * a card number, and its own idempotency key on every call that moves money, so a retried call is one charge at
 * the PSP too. Every call may throw {@link Unavailable}: the PSP did not answer, and what it did is unknown until
 * it is asked again ({@link #lookup}).
 */
public interface PaymentServiceProvider {

    String name();

    /** Reserves the amount on the payer's token (no money moves yet). The same key returns the same answer. */
    Authorization authorize(AuthorizeRequest request);

    /** Takes the authorized amount. The same key captures once. */
    CaptureResult capture(CaptureRequest request);

    /** Releases an authorization that will not be captured. */
    void cancel(String pspReference, String idempotencyKey);

    /** What the PSP knows of the payment made with this key (and reference, when Parkline has one). */
    PspPayment lookup(String idempotencyKey, @Nullable String pspReference);

    /** Gives back part or all of a captured amount. The same key refunds once. */
    RefundResult refund(RefundRequest request);

    /** The captures the PSP holds whose capture time is in {@code [from, to)}. */
    List<PspCapture> captures(Instant from, Instant to);

    record AuthorizeRequest(
            String paymentId,
            String lotId,
            String paymentToken,
            BigDecimal amount,
            Currency currency,
            String idempotencyKey) {}

    record CaptureRequest(
            String paymentId, String pspReference, BigDecimal amount, Currency currency, String idempotencyKey) {}

    record RefundRequest(
            String refundId, String pspReference, BigDecimal amount, Currency currency, String idempotencyKey) {}

    sealed interface Authorization {
        record Authorized(String pspReference) implements Authorization {}

        record Declined(String reason) implements Authorization {}
    }

    sealed interface CaptureResult {
        record Captured(String pspReference) implements CaptureResult {}

        record Declined(String reason) implements CaptureResult {}
    }

    sealed interface RefundResult {
        record Refunded(String refundReference) implements RefundResult {}

        record Declined(String reason) implements RefundResult {}
    }

    /** The PSP's view of one payment. */
    record PspPayment(State state, @Nullable String pspReference, @Nullable String reason) {
        public enum State {
            /** The PSP never saw this key: nothing was reserved or charged. */
            UNKNOWN,
            AUTHORIZED,
            CAPTURED,
            DECLINED,
            CANCELED
        }

        public static final PspPayment UNKNOWN = new PspPayment(State.UNKNOWN, null, null);
    }

    /** One capture as the PSP recorded it; payment and lot come from the metadata Parkline sent. */
    record PspCapture(
            String pspReference,
            @Nullable String paymentId,
            @Nullable String lotId,
            BigDecimal amount,
            Currency currency,
            Instant capturedAt) {}

    /** The PSP did not answer in time: the call may or may not have taken effect; ask again with the same key. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
