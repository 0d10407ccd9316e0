package org.parkline.server.payments;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.identity.LotAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes payments for anything payable. One idempotency key is one payment: a retry returns the payment the first
 * attempt made, and the same key goes to the PSP so it charges once too.
 */
@Service
public class Payments {

    /** 12 to 19 digits, however spaced: the shape of a card number, which Parkline must never receive. */
    private static final Pattern CARD_NUMBER = Pattern.compile("[\\d\\s-]{12,30}");

    private final PaymentLedger ledger;
    private final PaymentServiceProvider psp;
    private final ObjectProvider<PayableResolver> payables;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LotAccess access;

    Payments(
            PaymentLedger ledger,
            PaymentServiceProvider psp,
            ObjectProvider<PayableResolver> payables,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters,
            LotAccess access) {
        this.ledger = ledger;
        this.psp = psp;
        this.payables = payables; // looked up per payment: the resolvers themselves depend on payments
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.access = access;
    }

    public record PayCommand(
            String payableKind,
            String payableRef,
            PaymentMethod method,
            @Nullable String paymentToken,
            String idempotencyKey,
            @Nullable BigDecimal amount) {}

    @Transactional
    public Payment pay(PayCommand command) {
        Optional<Payment> earlier = ledger.byKey(command.payableKind(), command.idempotencyKey());
        if (earlier.isPresent()) return replay(earlier.get(), command);
        checkToken(command);
        Instant now = clock.instant();
        AmountDue due = payables.stream()
                .filter(resolver -> resolver.kind().equals(command.payableKind()))
                .findFirst()
                .flatMap(resolver -> resolver.amountDue(command.payableRef(), now))
                .orElseThrow(() -> ApiProblem.notFound(command.payableKind().toLowerCase(), command.payableRef()));
        access.requireLot(due.lotId());
        BigDecimal amount = amount(command, due);
        Payment payment = new Payment(
                Ids.next("P", clock),
                due.lotId(),
                command.payableKind(),
                command.payableRef(),
                amount,
                due.currency(),
                command.method(),
                PaymentStatus.INITIATED,
                null,
                now);
        if (!ledger.insert(payment, providerName(command.method()), command.idempotencyKey())) {
            return replay(
                    ledger.byKey(command.payableKind(), command.idempotencyKey())
                            .orElseThrow(),
                    command);
        }
        Payment done = charge(payment, command);
        meters.counter(
                        "parkline.payments",
                        "method",
                        done.method().name(),
                        "status",
                        done.status().name())
                .increment();
        events.publishEvent(new PaymentCompleted(done));
        events.publishEvent(new Audited(
                "payment." + done.status().name().toLowerCase(),
                "payment",
                done.id(),
                done.lotId(),
                null,
                Map.of(
                        "ticketId",
                        done.payableRef(),
                        "payableKind",
                        done.payableKind(),
                        "amount",
                        done.amount().toPlainString(),
                        "currency",
                        done.currency().getCurrencyCode(),
                        "method",
                        done.method().name(),
                        "status",
                        done.status().name())));
        return done;
    }

    public Settlement settlement(String payableKind, String payableRef) {
        return ledger.settlement(payableKind, payableRef);
    }

    public Optional<Payment> payment(String paymentId) {
        return ledger.byId(paymentId);
    }

    private Payment charge(Payment payment, PayCommand command) {
        Instant at = clock.instant();
        if (command.method() == PaymentMethod.CASH) {
            ledger.transition(payment.id(), PaymentStatus.CAPTURED, at, null, null);
            return with(payment, PaymentStatus.CAPTURED, null);
        }
        PaymentServiceProvider.ChargeResult result;
        try {
            result = psp.charge(new PaymentServiceProvider.ChargeRequest(
                    payment.id(),
                    command.paymentToken(),
                    payment.amount(),
                    payment.currency(),
                    command.idempotencyKey()));
        } catch (PaymentServiceProvider.Unavailable e) {
            meters.counter("parkline.payments.psp_unavailable").increment();
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "psp-unavailable",
                    "Payment provider unavailable",
                    "The payment provider did not answer; nothing was recorded. Retry with the same idempotency key: "
                            + "it will not charge twice");
        }
        return switch (result) {
            case PaymentServiceProvider.ChargeResult.Captured captured -> {
                ledger.transition(payment.id(), PaymentStatus.CAPTURED, at, captured.pspReference(), null);
                yield with(payment, PaymentStatus.CAPTURED, null);
            }
            case PaymentServiceProvider.ChargeResult.Declined declined -> {
                ledger.transition(payment.id(), PaymentStatus.FAILED, at, null, declined.reason());
                yield with(payment, PaymentStatus.FAILED, declined.reason());
            }
        };
    }

    private static Payment replay(Payment earlier, PayCommand command) {
        if (!earlier.payableRef().equals(command.payableRef())) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This idempotency key already paid for something else; use a new key for a new payment");
        }
        return earlier;
    }

    private static void checkToken(PayCommand command) {
        String token = command.paymentToken();
        if (token != null && CARD_NUMBER.matcher(token).matches()) {
            throw ApiProblem.invalid("paymentToken: looks like a card number. Parkline never takes card numbers; "
                    + "send the token your payment provider issued");
        }
        if (command.method() != PaymentMethod.CASH && (token == null || token.isBlank())) {
            throw ApiProblem.invalid("paymentToken: required for " + command.method() + " payments");
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

    private String providerName(PaymentMethod method) {
        return method == PaymentMethod.CASH ? "cash" : psp.name();
    }

    private static Payment with(Payment p, PaymentStatus status, @Nullable String reason) {
        return new Payment(
                p.id(),
                p.lotId(),
                p.payableKind(),
                p.payableRef(),
                p.amount(),
                p.currency(),
                p.method(),
                status,
                reason,
                p.createdAt());
    }
}
