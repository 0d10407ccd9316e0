package org.parkline.server.payments;

import org.jspecify.annotations.Nullable;
import org.parkline.server.payments.PaymentServiceProvider.PspPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes a payment whose outcome Parkline does not know (INITIATED or AUTHORIZED after a crash, a timeout or a
 * slow capture) by asking the PSP what it did under the payment's idempotency key, then doing only what is left.
 * Used by a retry of the payment request (the payer is still asking) and by the reconciler (nobody is).
 */
@Component
class PaymentRecovery {

    private static final Logger log = LoggerFactory.getLogger(PaymentRecovery.class);

    private final PaymentServiceProvider psp;
    private final PspCalls calls;
    private final PaymentSteps steps;
    private final Checkout checkout;
    private final Payables payables;
    private final PaymentProperties properties;

    PaymentRecovery(
            PaymentServiceProvider psp,
            PspCalls calls,
            PaymentSteps steps,
            Checkout checkout,
            Payables payables,
            PaymentProperties properties) {
        this.psp = psp;
        this.calls = calls;
        this.steps = steps;
        this.checkout = checkout;
        this.payables = payables;
        this.properties = properties;
    }

    /**
     * A payment still INITIATED is charged or captured only while its payable still owes its amount (the payer may
     * have paid another way since): otherwise its authorization is released and it FAILS, nothing charged.
     *
     * @param paymentToken the token of the payer's retry, or null when the reconciler asks: then a payment the PSP
     *     never saw is given up (nothing was charged)
     */
    StoredPayment resume(StoredPayment stored, @Nullable String paymentToken) {
        boolean payerAsking = paymentToken != null;
        var answer = calls.within(
                properties.authorizeTimeout(), () -> psp.lookup(stored.idempotencyKey(), stored.pspReference()));
        if (answer instanceof PspCalls.Answer.Late<PspPayment> late) {
            if (payerAsking) throw Checkout.pspUnavailable(late.why());
            return stored;
        }
        PspPayment atPsp = ((PspCalls.Answer.Now<PspPayment>) answer).value();
        boolean initiated = stored.payment().status() == PaymentStatus.INITIATED;
        return switch (atPsp.state()) {
            case CAPTURED -> {
                StoredPayment authorized = initiated ? steps.authorized(stored, ref(atPsp)) : stored;
                yield steps.captured(authorized, atPsp.pspReference());
            }
            case AUTHORIZED -> {
                if (initiated && !stillOwed(stored)) {
                    psp.cancel(ref(atPsp), stored.idempotencyKey() + ":cancel");
                    yield steps.failed(stored, "authorization released: the payable no longer owes it");
                }
                yield checkout.capture(initiated ? steps.authorized(stored, ref(atPsp)) : stored);
            }
            case DECLINED, CANCELED ->
                steps.failed(stored, atPsp.reason() == null ? atPsp.state().name() : atPsp.reason());
            case UNKNOWN -> {
                if (!initiated) {
                    log.warn("Payment {} is AUTHORIZED but the PSP does not know it; left for a person", stored.id());
                    yield stored;
                }
                if (!payerAsking) {
                    yield steps.failed(stored, "abandoned: the PSP never received it, nothing was charged");
                }
                yield stillOwed(stored)
                        ? checkout.charge(stored, paymentToken)
                        : steps.failed(stored, "superseded: the payable no longer owes it, nothing was charged");
            }
        };
    }

    private boolean stillOwed(StoredPayment stored) {
        Payment p = stored.payment();
        return payables.due(p.payableKind(), p.payableRef(), steps.now())
                .map(due -> due.amount().compareTo(p.amount()) >= 0)
                .orElse(false);
    }

    private static String ref(PspPayment atPsp) {
        return String.valueOf(atPsp.pspReference());
    }
}
