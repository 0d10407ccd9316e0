package org.parkline.server.payments;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each step of a payment in a transaction of its own (REQUIRES_NEW), committed before the PSP is called or as soon
 * as its answer is in: a payment request runs inside the idempotency filter's transaction, which a crash would roll
 * back, and what the PSP did must never be forgotten with it. Each step publishes its {@link Audited} event inside
 * its own transaction.
 */
@Component
class PaymentSteps {

    private static final Logger log = LoggerFactory.getLogger(PaymentSteps.class);

    private final PaymentLedger ledger;
    private final TransactionTemplate committed;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentSteps(
            PaymentLedger ledger,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.ledger = ledger;
        this.committed = new TransactionTemplate(transactions);
        this.committed.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Records the payment as INITIATED and commits; false when a request with the same key got there first. Cash
     * changed hands already, so a cash payment is CAPTURED in the same transaction.
     */
    boolean begin(StoredPayment stored) {
        return inOwnTransaction(() -> {
            if (!ledger.insert(stored)) return false;
            Payment p = stored.payment();
            Map<String, Object> after = state(p, PaymentStatus.INITIATED);
            after.put("payable", p.payableKind() + ":" + p.payableRef());
            if (p.collectedBy() != null) after.put("collectedBy", p.collectedBy());
            audit("payment.initiated", p, null, after);
            if (p.method() == PaymentMethod.CASH) capture(stored, PaymentStatus.INITIATED, null);
            return true;
        });
    }

    StoredPayment authorized(StoredPayment stored, String pspReference) {
        return inOwnTransaction(() -> {
            if (ledger.toAuthorized(stored.id(), pspReference, clock.instant())) {
                audit(
                        "payment.authorized",
                        stored.payment(),
                        state(stored.payment(), PaymentStatus.INITIATED),
                        with(state(stored.payment(), PaymentStatus.AUTHORIZED), "pspReference", pspReference));
            }
            return reread(stored);
        });
    }

    StoredPayment captured(StoredPayment stored, @Nullable String pspReference) {
        return inOwnTransaction(() -> {
            PaymentStatus before =
                    ledger.byId(stored.id()).orElseThrow().payment().status();
            capture(stored, before, pspReference);
            return reread(stored);
        });
    }

    private void capture(StoredPayment stored, PaymentStatus before, @Nullable String pspReference) {
        if (ledger.toCaptured(stored.id(), pspReference, clock.instant())) {
            StoredPayment now = reread(stored);
            audit(
                    "payment.captured",
                    now.payment(),
                    state(now.payment(), before),
                    with(state(now.payment(), PaymentStatus.CAPTURED), "pspReference", now.pspReference()));
            completed(now.payment());
        }
    }

    /** FAILED; if the payer already left on this payment (pending exit), its amount is now uncollected. */
    StoredPayment failed(StoredPayment stored, String reason) {
        return inOwnTransaction(() -> {
            PaymentStatus before =
                    ledger.byId(stored.id()).orElseThrow().payment().status();
            if (ledger.toFailed(stored.id(), reason, clock.instant())) {
                StoredPayment now = reread(stored);
                audit(
                        "payment.failed",
                        now.payment(),
                        state(now.payment(), before),
                        with(state(now.payment(), PaymentStatus.FAILED), "reason", reason));
                if (now.payment().releasedAt() != null) {
                    log.warn(
                            "Payment {} failed after its payer left: {} {} uncollected",
                            now.id(),
                            now.payment().amount(),
                            now.payment().currency());
                    meters.counter("parkline.payments.uncollected").increment();
                    audit(
                            "payment.uncollected",
                            now.payment(),
                            null,
                            with(state(now.payment(), PaymentStatus.FAILED), "reason", reason));
                }
                completed(now.payment());
                return now;
            }
            return reread(stored);
        });
    }

    <T> T inOwnTransaction(Supplier<T> work) {
        return committed.execute(tx -> work.get());
    }

    void audit(String action, Payment p, @Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {
        events.publishEvent(new Audited(action, "payment", p.id(), p.lotId(), before, after));
    }

    private void completed(Payment payment) {
        meters.counter(
                        "parkline.payments",
                        "method",
                        payment.method().name(),
                        "status",
                        payment.status().name())
                .increment();
        events.publishEvent(new PaymentCompleted(payment));
    }

    private StoredPayment reread(StoredPayment stored) {
        return ledger.byId(stored.id()).orElseThrow();
    }

    /** The simple values an audit entry may carry: never a token or card data. */
    static Map<String, Object> state(Payment p, PaymentStatus status) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status.name());
        state.put("payable", p.payableKind() + ":" + p.payableRef());
        state.put("amount", p.amount());
        state.put("currency", p.currency().getCurrencyCode());
        state.put("method", p.method().name());
        return state;
    }

    private static Map<String, Object> with(Map<String, Object> state, String name, @Nullable Object value) {
        if (value != null) state.put(name, value);
        return state;
    }

    Instant now() {
        return clock.instant();
    }
}
