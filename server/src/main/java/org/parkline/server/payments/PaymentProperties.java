package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parkline.payments.*}: which PSP, how long a gate waits for it, the refund policy, the reconciler.
 *
 * @param psp {@code simulated} (default) or {@code stripe}
 * @param authorizeTimeout how long a payment request waits for the PSP's authorization before answering 503
 * @param captureTimeout how long it waits for the capture before answering with the payment AUTHORIZED (pending)
 * @param maxConcurrent payment requests running at once per server (0: half the database pool), see PaymentBulkhead
 */
@ConfigurationProperties("parkline.payments")
record PaymentProperties(
        @DefaultValue("simulated") String psp,
        @DefaultValue("PT5S") Duration authorizeTimeout,
        @DefaultValue("PT2S") Duration captureTimeout,
        @DefaultValue("0") int maxConcurrent,
        @DefaultValue Refunds refunds,
        @DefaultValue Reconciler reconciler,
        @DefaultValue Simulated simulated,
        @DefaultValue Stripe stripe) {

    /**
     * The refund policy.
     *
     * @param window how long after the capture a refund may be made
     * @param operatorLimit refunds up to this amount need an OPERATOR, above it an ADMIN
     * @param minReasonLength the reason is mandatory, and at least this long
     */
    record Refunds(
            @DefaultValue("P30D") Duration window,
            @DefaultValue("20.00") BigDecimal operatorLimit,
            @DefaultValue("5") int minReasonLength) {}

    /**
     * The job that finishes payments and refunds left unfinished by a crash or a slow PSP.
     *
     * @param staleAfter a payment untouched this long is the reconciler's (longer than any request may run)
     */
    record Reconciler(
            @DefaultValue("PT30S") Duration interval,
            @DefaultValue("PT30S") Duration initialDelay,
            @DefaultValue("PT1M") Duration staleAfter) {}

    /**
     * The simulated PSP's default behaviour (tokens override it per payment, see SimulatedPsp).
     *
     * @param behaviour SUCCEED, DECLINE, TIMEOUT (no answer to authorizations), or SLOW (captures take slowDelay)
     */
    record Simulated(
            @DefaultValue("SUCCEED") SimulatedPsp.Behaviour behaviour, @DefaultValue("PT5S") Duration slowDelay) {}

    /**
     * The Stripe adapter.
     *
     * @param apiKey the secret key ({@code sk_...}); set PARKLINE_STRIPE_API_KEY, never commit it
     * @param apiBase the API's base URL (a local stub in tests)
     * @param maxNetworkRetries the SDK's own retries, always with the same idempotency key
     */
    record Stripe(
            @DefaultValue("") String apiKey,
            @DefaultValue("https://api.stripe.com") String apiBase,
            @DefaultValue("PT2S") Duration connectTimeout,
            @DefaultValue("PT10S") Duration readTimeout,
            @DefaultValue("1") int maxNetworkRetries) {}
}
