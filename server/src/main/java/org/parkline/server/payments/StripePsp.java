package org.parkline.server.payments;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stripe through its official SDK. A payment is one PaymentIntent, created and confirmed with the payer's payment
 * method token and {@code capture_method=manual} (the authorization), then captured. Parkline's idempotency key is
 * Stripe's Idempotency-Key ({@code <key>} to create, {@code <key>:capture}, {@code <key>:cancel}), and the payment,
 * key and lot go along as metadata, so a payment whose answer was lost is found again by a search on its key.
 */
class StripePsp implements PaymentServiceProvider {

    static final String PAYMENT_ID = "parkline_payment_id";
    static final String KEY = "parkline_key";
    static final String LOT = "parkline_lot";

    private final StripeClient stripe;

    StripePsp(PaymentProperties.Stripe config) {
        if (config.apiKey().isBlank()) {
            throw new IllegalStateException(
                    "parkline.payments.psp=stripe needs parkline.payments.stripe.api-key (PARKLINE_STRIPE_API_KEY)");
        }
        this.stripe = StripeClient.builder()
                .setApiKey(config.apiKey())
                .setApiBase(config.apiBase())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis())
                .setMaxNetworkRetries(config.maxNetworkRetries())
                .build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Authorization authorize(AuthorizeRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(minorUnits(request.amount(), request.currency()))
                .setCurrency(request.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentToken())
                .setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putMetadata(PAYMENT_ID, request.paymentId())
                .putMetadata(KEY, request.idempotencyKey())
                .putMetadata(LOT, request.lotId())
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, options(request.idempotencyKey()));
            return switch (intent.getStatus()) {
                case "requires_capture", "succeeded" -> new Authorization.Authorized(intent.getId());
                default -> new Authorization.Declined(declineReason(intent));
            };
        } catch (CardException declined) {
            return new Authorization.Declined(
                    declined.getDeclineCode() != null ? declined.getDeclineCode() : String.valueOf(declined.getCode()));
        } catch (InvalidRequestException refused) {
            return new Authorization.Declined(refused.getCode() != null ? refused.getCode() : "invalid_request");
        } catch (StripeException e) {
            throw unavailable("authorize", e);
        }
    }

    @Override
    public CaptureResult capture(CaptureRequest request) {
        PaymentIntentCaptureParams params = PaymentIntentCaptureParams.builder()
                .setAmountToCapture(minorUnits(request.amount(), request.currency()))
                .build();
        try {
            PaymentIntent intent = stripe.v1()
                    .paymentIntents()
                    .capture(request.pspReference(), params, options(request.idempotencyKey()));
            return intent.getStatus().equals("succeeded")
                    ? new CaptureResult.Captured(intent.getId())
                    : new CaptureResult.Declined(declineReason(intent));
        } catch (CardException | InvalidRequestException refused) {
            // e.g. the authorization expired, or it was captured already under another key: ask what it is now
            PspPayment now = lookup(request.idempotencyKey(), request.pspReference());
            return now.state() == PspPayment.State.CAPTURED
                    ? new CaptureResult.Captured(request.pspReference())
                    : new CaptureResult.Declined(refused.getCode() != null ? refused.getCode() : "capture_refused");
        } catch (StripeException e) {
            throw unavailable("capture", e);
        }
    }

    @Override
    public void cancel(String pspReference, String idempotencyKey) {
        try {
            stripe.v1()
                    .paymentIntents()
                    .cancel(pspReference, PaymentIntentCancelParams.builder().build(), options(idempotencyKey));
        } catch (InvalidRequestException alreadyFinal) {
            // canceled or captured already: nothing left to release
        } catch (StripeException e) {
            throw unavailable("cancel", e);
        }
    }

    @Override
    public PspPayment lookup(String idempotencyKey, @Nullable String pspReference) {
        try {
            PaymentIntent intent;
            if (pspReference != null) {
                intent = stripe.v1().paymentIntents().retrieve(pspReference);
            } else {
                String query = "metadata['" + KEY + "']:'" + idempotencyKey.replace("'", "\\'") + "'";
                List<PaymentIntent> found = stripe.v1()
                        .paymentIntents()
                        .search(PaymentIntentSearchParams.builder()
                                .setQuery(query)
                                .build())
                        .getData();
                if (found.isEmpty()) return PspPayment.UNKNOWN;
                intent = found.getFirst();
            }
            return switch (intent.getStatus()) {
                case "requires_capture" -> new PspPayment(PspPayment.State.AUTHORIZED, intent.getId(), null);
                case "succeeded" -> new PspPayment(PspPayment.State.CAPTURED, intent.getId(), null);
                case "canceled" -> new PspPayment(PspPayment.State.CANCELED, intent.getId(), "canceled");
                default -> new PspPayment(PspPayment.State.DECLINED, intent.getId(), declineReason(intent));
            };
        } catch (StripeException e) {
            throw unavailable("lookup", e);
        }
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.pspReference())
                .setAmount(minorUnits(request.amount(), request.currency()))
                .putMetadata("parkline_refund_id", request.refundId())
                .build();
        try {
            Refund refund = stripe.v1().refunds().create(params, options(request.idempotencyKey()));
            return switch (refund.getStatus()) {
                case "failed", "canceled" -> new RefundResult.Declined(String.valueOf(refund.getFailureReason()));
                default -> new RefundResult.Refunded(refund.getId());
            };
        } catch (CardException | InvalidRequestException refused) {
            return new RefundResult.Declined(refused.getCode() != null ? refused.getCode() : "refund_refused");
        } catch (StripeException e) {
            throw unavailable("refund", e);
        }
    }

    /**
     * Stripe lists PaymentIntents by creation time and has no capture time on them: Parkline captures at most a few
     * minutes after the authorization, so the intents created in the window are taken as the window's captures.
     */
    @Override
    public List<PspCapture> captures(Instant from, Instant to) {
        List<PspCapture> captures = new ArrayList<>();
        String after = null;
        try {
            while (true) {
                PaymentIntentListParams.Builder params = PaymentIntentListParams.builder()
                        .setCreated(PaymentIntentListParams.Created.builder()
                                .setGte(from.getEpochSecond())
                                .setLt(to.getEpochSecond())
                                .build())
                        .setLimit(100L);
                if (after != null) params.setStartingAfter(after);
                StripeCollection<PaymentIntent> page =
                        stripe.v1().paymentIntents().list(params.build());
                for (PaymentIntent intent : page.getData()) {
                    after = intent.getId();
                    if (!"succeeded".equals(intent.getStatus())) continue;
                    Currency currency =
                            Currency.getInstance(intent.getCurrency().toUpperCase(Locale.ROOT));
                    captures.add(new PspCapture(
                            intent.getId(),
                            intent.getMetadata().get(PAYMENT_ID),
                            intent.getMetadata().get(LOT),
                            BigDecimal.valueOf(intent.getAmountReceived(), currency.getDefaultFractionDigits()),
                            currency,
                            Instant.ofEpochSecond(intent.getCreated())));
                }
                if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) return captures;
            }
        } catch (StripeException e) {
            throw unavailable("list", e);
        }
    }

    static long minorUnits(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits())
                .movePointRight(currency.getDefaultFractionDigits())
                .longValueExact();
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static String declineReason(PaymentIntent intent) {
        var error = intent.getLastPaymentError();
        if (error == null) return intent.getStatus();
        return error.getDeclineCode() != null ? error.getDeclineCode() : String.valueOf(error.getCode());
    }

    private static Unavailable unavailable(String call, StripeException e) {
        boolean unknownOutcome = e instanceof ApiConnectionException
                || e instanceof ApiException
                || e instanceof RateLimitException
                || e instanceof IdempotencyException;
        return new Unavailable(
                "Stripe " + call + (unknownOutcome ? " got no usable answer: " : " failed: ")
                        + e.getClass().getSimpleName(),
                e);
    }
}
