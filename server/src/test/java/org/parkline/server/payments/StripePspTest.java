package org.parkline.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkline.server.payments.PaymentServiceProvider.Authorization;
import org.parkline.server.payments.PaymentServiceProvider.AuthorizeRequest;
import org.parkline.server.payments.PaymentServiceProvider.CaptureRequest;
import org.parkline.server.payments.PaymentServiceProvider.CaptureResult;
import org.parkline.server.payments.PaymentServiceProvider.PspPayment;
import org.parkline.server.payments.PaymentServiceProvider.RefundRequest;
import org.parkline.server.payments.PaymentServiceProvider.RefundResult;

/** The Stripe adapter, through the official SDK, against a local stub that answers like the Stripe API. */
class StripePspTest {

    private static final Currency SGD = Currency.getInstance("SGD");

    private final StripeApiStub stripe = new StripeApiStub();
    private final PaymentServiceProvider psp = PspConfiguration.choose(properties(stripe.baseUrl()), Clock.systemUTC());

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void theStripePropertySelectsTheStripeAdapter() {
        assertThat(psp).isInstanceOf(StripePsp.class);
        assertThat(psp.name()).isEqualTo("stripe");
    }

    @Test
    void aPaymentIntentIsConfirmedWithTheTokenThenCapturedEachWithParklinesKey() {
        Authorization authorization = psp.authorize(authorize("pm_card_visa", "pay-key-1", "6.50"));

        assertThat(authorization).isInstanceOf(Authorization.Authorized.class);
        String intent = ((Authorization.Authorized) authorization).pspReference();
        assertThat(intent).startsWith("pi_");
        assertThat(psp.lookup("pay-key-1", null)).isEqualTo(new PspPayment(PspPayment.State.AUTHORIZED, intent, null));

        CaptureResult captured =
                psp.capture(new CaptureRequest("P_1", intent, new BigDecimal("6.50"), SGD, "pay-key-1:capture"));

        assertThat(captured).isEqualTo(new CaptureResult.Captured(intent));
        assertThat(stripe.idempotencyKeysSeen).containsExactly("pay-key-1", "pay-key-1:capture");
        assertThat(psp.lookup("pay-key-1", intent).state()).isEqualTo(PspPayment.State.CAPTURED);
        var captures = psp.captures(
                Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(captures).singleElement().satisfies(c -> {
            assertThat(c.pspReference()).isEqualTo(intent);
            assertThat(c.amount()).isEqualByComparingTo("6.50");
            assertThat(c.paymentId()).isEqualTo("P_1");
            assertThat(c.lotId()).isEqualTo("L1");
        });
    }

    @Test
    void aDeclinedCardIsADeclineNotAnError() {
        Authorization declined = psp.authorize(authorize("pm_card_chargeDeclined", "pay-key-2", "4.00"));

        assertThat(declined).isEqualTo(new Authorization.Declined("generic_decline"));
        assertThat(psp.lookup("pay-key-2", null).state()).isEqualTo(PspPayment.State.DECLINED);
    }

    @Test
    void aReplayedKeyGetsTheSameIntentAndChargesOnce() {
        AuthorizeRequest request = authorize("pm_card_visa", "pay-key-3", "4.00");
        String first = ((Authorization.Authorized) psp.authorize(request)).pspReference();
        String again = ((Authorization.Authorized) psp.authorize(request)).pspReference();
        CaptureRequest capture = new CaptureRequest("P_3", first, new BigDecimal("4.00"), SGD, "pay-key-3:capture");
        psp.capture(capture);
        CaptureResult replayedCapture = psp.capture(capture);

        assertThat(again).isEqualTo(first);
        assertThat(replayedCapture).isEqualTo(new CaptureResult.Captured(first));
        assertThat(stripe.created.get()).isEqualTo(1);
        assertThat(stripe.captured.get()).isEqualTo(1);
        assertThat(stripe.replayed.get()).isEqualTo(2);
    }

    @Test
    void aPaymentStripeNeverSawIsUnknownAndARefundGoesBackOnce() {
        assertThat(psp.lookup("never-sent", null)).isEqualTo(PspPayment.UNKNOWN);
        String intent = ((Authorization.Authorized) psp.authorize(authorize("pm_card_visa", "pay-key-4", "6.00")))
                .pspReference();
        psp.capture(new CaptureRequest("P_4", intent, new BigDecimal("6.00"), SGD, "pay-key-4:capture"));

        RefundRequest refund = new RefundRequest("R_1", intent, new BigDecimal("2.00"), SGD, "refund:P_4:r1");
        RefundResult first = psp.refund(refund);
        RefundResult again = psp.refund(refund);

        assertThat(first).isInstanceOf(RefundResult.Refunded.class).isEqualTo(again);
        assertThat(stripe.refunded.get()).isEqualTo(1);
    }

    @Test
    void anAuthorizationThatWillNotBeCapturedIsCanceled() {
        String intent = ((Authorization.Authorized) psp.authorize(authorize("pm_card_visa", "pay-key-5", "6.00")))
                .pspReference();

        psp.cancel(intent, "pay-key-5:cancel");

        assertThat(psp.lookup("pay-key-5", intent).state()).isEqualTo(PspPayment.State.CANCELED);
    }

    @Test
    void aStripeThatDoesNotAnswerIsUnavailable() {
        PaymentServiceProvider nowhere = PspConfiguration.choose(properties("http://127.0.0.1:9"), Clock.systemUTC());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> nowhere.authorize(authorize("pm_card_visa", "pay-key-6", "1.00")))
                .isInstanceOf(PaymentServiceProvider.Unavailable.class);
    }

    @Test
    void amountsGoToStripeInMinorUnits() {
        assertThat(StripePsp.minorUnits(new BigDecimal("6.5"), SGD)).isEqualTo(650);
        assertThat(StripePsp.minorUnits(new BigDecimal("600"), Currency.getInstance("JPY")))
                .isEqualTo(600);
    }

    private static AuthorizeRequest authorize(String token, String key, String amount) {
        return new AuthorizeRequest(
                "P_" + key.substring(key.length() - 1), "L1", token, new BigDecimal(amount), SGD, key);
    }

    private static PaymentProperties properties(String apiBase) {
        return new PaymentProperties(
                "stripe",
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                0,
                new PaymentProperties.Refunds(Duration.ofDays(30), new BigDecimal("20.00"), 5),
                new PaymentProperties.Reconciler(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1)),
                new PaymentProperties.Simulated(SimulatedPsp.Behaviour.SUCCEED, Duration.ofSeconds(5)),
                new PaymentProperties.Stripe("sk_test_stub", apiBase, Duration.ofSeconds(1), Duration.ofSeconds(5), 0));
    }
}
