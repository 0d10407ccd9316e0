package org.parkline.server.payments;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what a crash or a slow PSP left unfinished: payments still INITIATED or AUTHORIZED, and refunds still
 * PENDING, that nobody touched for {@code parkline.payments.reconciler.stale-after}. It asks the PSP with the same
 * idempotency keys, so running it on several servers at once, or next to a payer's retry, charges nobody twice.
 */
@Component
class PaymentReconciler {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);
    private static final int BATCH = 100;

    private final PaymentLedger payments;
    private final RefundLedger refunds;
    private final PaymentRecovery recovery;
    private final Refunds refunding;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentReconciler(
            PaymentLedger payments,
            RefundLedger refunds,
            PaymentRecovery recovery,
            Refunds refunding,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.recovery = recovery;
        this.refunding = refunding;
        this.properties = properties;
        this.clock = clock;
    }

    record Pass(int paymentsLookedAt, int paymentsFinished, int refundsSent) {}

    @Scheduled(
            fixedDelayString = "${parkline.payments.reconciler.interval:PT30S}",
            initialDelayString = "${parkline.payments.reconciler.initial-delay:PT30S}")
    void scheduled() {
        Pass pass = run();
        if (pass.paymentsLookedAt() > 0 || pass.refundsSent() > 0) log.info("Payment reconciler: {}", pass);
    }

    Pass run() {
        Instant before = clock.instant().minus(properties.reconciler().staleAfter());
        int looked = 0;
        int finished = 0;
        for (StoredPayment stuck : payments.unfinished(before, BATCH)) {
            looked++;
            try {
                if (recovery.resume(stuck, null).payment().finished()) finished++;
            } catch (RuntimeException e) {
                log.warn("Payment reconciler could not finish payment {}: {}", stuck.id(), e.toString());
            }
        }
        int sent = 0;
        for (Refund pending : refunds.pendingBefore(before, BATCH)) {
            try {
                if (refunding.send(pending).status() != Refund.Status.PENDING) sent++;
            } catch (RuntimeException e) {
                log.warn("Payment reconciler could not send refund {}: {}", pending.id(), e.toString());
            }
        }
        return new Pass(looked, finished, sent);
    }
}
