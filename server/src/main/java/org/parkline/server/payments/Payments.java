package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.identity.LotAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes payments for anything payable. One idempotency key is one payment and one charge: the payment is recorded
 * (INITIATED, committed) before the PSP is called with the same key, so a retry, or the reconciler, finds it and
 * asks the PSP what happened instead of charging again. See docs/payments.md.
 */
@Service
public class Payments {

    private final LotAccess access;

    /** 12 to 19 digits, however spaced: the shape of a card number, which Parkline must never receive. */
    private static final Pattern CARD_NUMBER = Pattern.compile("[\\d\\s-]{12,30}");

    private final PaymentLedger ledger;
    private final PaymentSteps steps;
    private final Checkout checkout;
    private final PaymentRecovery recovery;
    private final Payables payables;
    private final PaymentServiceProvider psp;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Payments(
            PaymentLedger ledger,
            PaymentSteps steps,
            Checkout checkout,
            PaymentRecovery recovery,
            Payables payables,
            PaymentServiceProvider psp,
            ApplicationEventPublisher events,
            Clock clock,
            LotAccess access) {
        this.access = access;
        this.ledger = ledger;
        this.steps = steps;
        this.checkout = checkout;
        this.recovery = recovery;
        this.payables = payables;
        this.psp = psp;
        this.events = events;
        this.clock = clock;
    }

    /** Cash is recorded by a person or a device, never anonymously. */
    public record CashCollector(Kind kind, String id) {
        public enum Kind {
            OPERATOR,
            PAY_STATION
        }

        String label() {
            return kind + ":" + id;
        }
    }

    public record PayCommand(
            String payableKind,
            String payableRef,
            PaymentMethod method,
            @Nullable String paymentToken,
            String idempotencyKey,
            @Nullable BigDecimal amount,
            @Nullable CashCollector collectedBy) {}

    /**
     * Not transactional on purpose: it runs inside the idempotency filter's transaction, and its own steps commit
     * in transactions of their own (PaymentSteps) around the PSP calls.
     */
    public Payment pay(PayCommand command) {
        Optional<StoredPayment> earlier = ledger.byKey(command.payableKind(), command.idempotencyKey());
        if (earlier.isPresent()) return continueWith(earlier.get(), command);
        checkMethod(command);
        Instant now = clock.instant();
        AmountDue due = payables.due(command.payableKind(), command.payableRef(), now)
                .orElseThrow(() -> ApiProblem.notFound(command.payableKind().toLowerCase(), command.payableRef()));
        access.requireLot(due.lotId());
        Payment payment = new Payment(
                Ids.next("P", clock),
                due.lotId(),
                command.payableKind(),
                command.payableRef(),
                amount(command, due),
                due.currency(),
                command.method(),
                PaymentStatus.INITIATED,
                null,
                now,
                BigDecimal.ZERO,
                null,
                null,
                command.collectedBy() == null ? null : command.collectedBy().label());
        boolean cash = command.method() == PaymentMethod.CASH;
        StoredPayment stored = new StoredPayment(payment, command.idempotencyKey(), cash ? "cash" : psp.name(), null);
        if (!steps.begin(stored)) {
            return continueWith(
                    ledger.byKey(command.payableKind(), command.idempotencyKey())
                            .orElseThrow(),
                    command);
        }
        if (cash) return ledger.byId(payment.id()).orElseThrow().payment();
        return checkout.charge(stored, String.valueOf(command.paymentToken())).payment();
    }

    public Optional<Payment> payment(String paymentId) {
        return ledger.byId(paymentId).map(StoredPayment::payment);
    }

    /** Every payment made for a payable (captured, failed, refunded...), oldest first. */
    public List<Payment> ofPayable(String payableKind, String payableRef) {
        return ledger.ofPayable(payableKind, payableRef).stream()
                .map(StoredPayment::payment)
                .toList();
    }

    /** Captured (net of refunds) and pending payments of a payable. */
    public Settlement settlement(String payableKind, String payableRef) {
        return ledger.settlement(payableKind, payableRef, false);
    }

    /**
     * The same, with the payable's covering payments locked until the caller's transaction ends: call it before
     * handing the payable over (an exit), then {@link #releasePending}.
     */
    @Transactional
    public Settlement lockSettlement(String payableKind, String payableRef) {
        return ledger.settlement(payableKind, payableRef, true);
    }

    /**
     * The payable was handed over (the vehicle left) while some of its payments were still pending: marks them, so
     * that a capture failing later is reported as uncollected instead of silently owed. Part of the caller's
     * transaction.
     */
    @Transactional
    public List<String> releasePending(String payableKind, String payableRef, Instant at) {
        List<String> released = ledger.releasePending(payableKind, payableRef, at);
        for (String id : released) {
            Payment p = ledger.byId(id).orElseThrow().payment();
            events.publishEvent(new Audited(
                    "payment.released",
                    "payment",
                    id,
                    p.lotId(),
                    PaymentSteps.state(p, PaymentStatus.AUTHORIZED),
                    PaymentSteps.state(p, PaymentStatus.AUTHORIZED)));
        }
        return released;
    }

    List<PaymentLedger.HistoryEntry> history(String paymentId) {
        return ledger.history(paymentId);
    }

    private Payment continueWith(StoredPayment earlier, PayCommand command) {
        if (!earlier.payment().payableRef().equals(command.payableRef())) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This idempotency key already paid for something else; use a new key for a new payment");
        }
        if (earlier.payment().finished() || earlier.payment().method() == PaymentMethod.CASH) {
            return earlier.payment();
        }
        checkMethod(command);
        return recovery.resume(earlier, String.valueOf(command.paymentToken())).payment();
    }

    private static void checkMethod(PayCommand command) {
        String token = command.paymentToken();
        if (token != null && CARD_NUMBER.matcher(token).matches()) {
            throw ApiProblem.invalid("paymentToken: looks like a card number. Parkline never takes card numbers; "
                    + "send the token your payment provider issued");
        }
        if (command.method() == PaymentMethod.CASH) {
            if (command.collectedBy() == null) {
                throw ApiProblem.invalid("collectedBy: required for CASH payments: the operator or pay station "
                        + "that took the money, e.g. {\"kind\":\"PAY_STATION\",\"id\":\"PS-1\"}");
            }
        } else {
            if (token == null || token.isBlank()) {
                throw ApiProblem.invalid("paymentToken: required for " + command.method() + " payments");
            }
            if (command.collectedBy() != null) {
                throw ApiProblem.invalid("collectedBy: only for CASH payments");
            }
        }
    }

    private static BigDecimal amount(PayCommand command, AmountDue due) {
        if (due.amount().signum() == 0) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "nothing-due",
                    "Nothing to pay",
                    "Nothing is owed for " + command.payableRef() + " right now");
        }
        if (command.amount() == null) return due.amount();
        BigDecimal amount = command.amount();
        if (amount.signum() <= 0 || amount.scale() > due.currency().getDefaultFractionDigits()) {
            throw ApiProblem.invalid("amount: must be positive with at most "
                    + due.currency().getDefaultFractionDigits() + " decimals in " + due.currency());
        }
        if (amount.compareTo(due.amount()) > 0) {
            throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "overpayment",
                            "More than is owed",
                            "amount " + amount + " is more than the " + due.amount() + " " + due.currency() + " owed")
                    .with("amountDue", due.amount());
        }
        return amount;
    }
}
