package org.parkline.server.payments;

import io.micrometer.core.instrument.MeterRegistry;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.payments.PaymentServiceProvider.Authorization;
import org.parkline.server.payments.PaymentServiceProvider.CaptureResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Authorize, then capture, each PSP call bounded by its timeout and each answer committed as soon as it is in. A
 * capture without an answer in time leaves the payment AUTHORIZED (pending): the gate gets its answer now, and the
 * capture's answer is recorded when it comes (or found by the reconciler if this server dies meanwhile).
 */
@Component
class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    private final PaymentServiceProvider psp;
    private final PspCalls calls;
    private final PaymentSteps steps;
    private final PaymentProperties properties;
    private final MeterRegistry meters;

    Checkout(
            PaymentServiceProvider psp,
            PspCalls calls,
            PaymentSteps steps,
            PaymentProperties properties,
            MeterRegistry meters) {
        this.psp = psp;
        this.calls = calls;
        this.steps = steps;
        this.properties = properties;
        this.meters = meters;
    }

    /** The payment is INITIATED and committed: ask the PSP, with the payment's idempotency key. */
    StoredPayment charge(StoredPayment stored, String paymentToken) {
        Payment p = stored.payment();
        var request = new PaymentServiceProvider.AuthorizeRequest(
                p.id(), p.lotId(), paymentToken, p.amount(), p.currency(), stored.idempotencyKey());
        PspCalls.Answer<Authorization> answer =
                calls.within(properties.authorizeTimeout(), () -> psp.authorize(request));
        if (answer instanceof PspCalls.Answer.Late<Authorization> late) {
            meters.counter("parkline.payments.psp_unavailable").increment();
            throw pspUnavailable(late.why());
        }
        Authorization authorization = ((PspCalls.Answer.Now<Authorization>) answer).value();
        return switch (authorization) {
            case Authorization.Authorized authorized -> capture(steps.authorized(stored, authorized.pspReference()));
            case Authorization.Declined declined -> steps.failed(stored, declined.reason());
        };
    }

    /** The payment is AUTHORIZED: capture it, or leave it pending when the PSP is slow. */
    StoredPayment capture(StoredPayment stored) {
        Payment p = stored.payment();
        var request = new PaymentServiceProvider.CaptureRequest(
                p.id(), String.valueOf(stored.pspReference()), p.amount(), p.currency(), stored.captureKey());
        PspCalls.Answer<CaptureResult> answer = calls.within(properties.captureTimeout(), () -> psp.capture(request));
        return switch (answer) {
            case PspCalls.Answer.Now<CaptureResult> now -> record(stored, now.value());
            case PspCalls.Answer.Late<CaptureResult> late -> {
                meters.counter("parkline.payments.capture_pending").increment();
                log.info("Capture of payment {} still pending ({}); answering AUTHORIZED", p.id(), late.why());
                late.later().whenComplete((result, error) -> {
                    if (result != null) record(stored, result);
                    else log.info("Capture of payment {} got no answer; the reconciler will ask", p.id());
                });
                yield stored;
            }
        };
    }

    private StoredPayment record(StoredPayment stored, CaptureResult result) {
        return switch (result) {
            case CaptureResult.Captured captured -> steps.captured(stored, captured.pspReference());
            case CaptureResult.Declined declined -> steps.failed(stored, "capture declined: " + declined.reason());
        };
    }

    static ApiProblem pspUnavailable(String why) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "psp-unavailable",
                "Payment provider unavailable",
                "The payment provider did not answer (" + why + "). The payment is recorded as INITIATED; retry "
                        + "with the same idempotency key to finish it. It will not charge twice");
    }
}
