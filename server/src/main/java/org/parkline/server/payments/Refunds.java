package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Ids;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Role;
import org.parkline.server.payments.PaymentServiceProvider.RefundResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Gives money back on a captured payment, within the refund policy. Like a payment, a refund is recorded (PENDING,
 * committed) before the PSP is called with the refund's own idempotency key; a retry or the reconciler sends a
 * PENDING refund again with the same key, which refunds once. Cash refunds are recorded at once.
 */
@Service
class Refunds {

    private final LotAccess access;

    private final PaymentLedger payments;
    private final RefundLedger refunds;
    private final RefundPolicy policy;
    private final PaymentSteps steps;
    private final PspCalls calls;
    private final PaymentServiceProvider psp;
    private final PaymentProperties properties;
    private final Clock clock;

    Refunds(
            PaymentLedger payments,
            RefundLedger refunds,
            RefundPolicy policy,
            PaymentSteps steps,
            PspCalls calls,
            PaymentServiceProvider psp,
            PaymentProperties properties,
            Clock clock,
            LotAccess access) {
        this.access = access;
        this.payments = payments;
        this.refunds = refunds;
        this.policy = policy;
        this.steps = steps;
        this.calls = calls;
        this.psp = psp;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param decidedAs null for a discretionary refund (the policy names the role it needs and the window applies);
     *     otherwise the role of another capability's decision that obliges the refund (an ADJUDICATOR cancelling a
     *     paid citation): that capability checked the role, and the refund window does not apply to an obligation
     */
    record RefundCommand(
            String paymentId, BigDecimal amount, String reason, String idempotencyKey, @Nullable String decidedAs) {

        RefundCommand(String paymentId, BigDecimal amount, String reason, String idempotencyKey) {
            this(paymentId, amount, reason, idempotencyKey, null);
        }
    }

    Refund refund(RefundCommand command) {
        Optional<Refund> earlier = refunds.byKey(command.paymentId(), command.idempotencyKey());
        if (earlier.isPresent()) return continueWith(earlier.get(), command);
        StoredPayment stored = payments.byId(command.paymentId())
                .orElseThrow(() -> ApiProblem.notFound("payment", command.paymentId()));
        policy.checkRequest(stored.payment(), command.amount(), command.reason());
        Refund refund = steps.inOwnTransaction(() -> begin(command));
        if (refund == null) {
            return continueWith(
                    refunds.byKey(command.paymentId(), command.idempotencyKey()).orElseThrow(), command);
        }
        return send(refund, stored);
    }

    List<Refund> ofPayment(String paymentId) {
        return refunds.ofPayment(paymentId);
    }

    /** Sends a PENDING refund (again) with its key; the reconciler's way in. */
    Refund send(Refund refund) {
        return send(refund, payments.byId(refund.paymentId()).orElseThrow());
    }

    private Refund send(Refund refund, StoredPayment stored) {
        if (stored.payment().method() == PaymentMethod.CASH) return succeeded(refund, null);
        var request = new PaymentServiceProvider.RefundRequest(
                refund.id(),
                String.valueOf(stored.pspReference()),
                refund.amount(),
                refund.currency(),
                refund.pspKey());
        var answer = calls.within(properties.captureTimeout(), () -> psp.refund(request));
        if (!(answer instanceof PspCalls.Answer.Now<RefundResult> now)) return refund; // PENDING: sent again later
        return switch (now.value()) {
            case RefundResult.Refunded done -> succeeded(refund, done.refundReference());
            case RefundResult.Declined declined -> failed(refund, declined.reason());
        };
    }

    /** Locks the payment, checks the policy against it, and records the refund PENDING; null on a key race. */
    private @Nullable Refund begin(RefundCommand command) {
        Payment payment = payments.lock(command.paymentId()).orElseThrow().payment();
        access.requireLot(payment.lotId());
        policy.check(
                payment,
                command.amount(),
                refunds.committedTotal(payment.id()),
                // an obligation is checked as of the capture, so the discretionary window never closes it
                command.decidedAs() == null || payment.capturedAt() == null ? steps.now() : payment.capturedAt());
        String approval = command.decidedAs() == null ? policy.approvalRole(command.amount()) : command.decidedAs();
        if (command.decidedAs() == null
                && !Actor.current().has(Role.valueOf(approval))
                && !Actor.current().has(Role.ADMIN)) {
            throw new ApiProblem(
                            HttpStatus.FORBIDDEN,
                            "refund-needs-approval",
                            "Refund needs a higher role",
                            "Refunds of " + command.amount() + " " + payment.currency() + " need the " + approval
                                    + " role under the refund policy")
                    .with("approvalRole", approval);
        }
        Refund refund = new Refund(
                Ids.next("RF", clock),
                payment.id(),
                payment.lotId(),
                command.amount(),
                payment.currency(),
                command.reason().strip(),
                Refund.Status.PENDING,
                approval,
                command.idempotencyKey(),
                null,
                steps.now(),
                null);
        if (!refunds.insert(refund)) return null;
        steps.audit("payment.refund_requested", payment, null, refundState(refund));
        return refund;
    }

    private Refund succeeded(Refund refund, @Nullable String pspReference) {
        return steps.inOwnTransaction(() -> {
            if (refunds.finish(refund.id(), Refund.Status.SUCCEEDED, pspReference, null, steps.now())) {
                Payment before = payments.lock(refund.paymentId()).orElseThrow().payment();
                payments.addRefund(
                        refund.paymentId(),
                        refund.amount(),
                        "refund " + refund.id() + " of " + refund.amount() + ": " + refund.reason(),
                        steps.now());
                Payment after = payments.byId(refund.paymentId()).orElseThrow().payment();
                steps.audit("payment.refunded", after, paymentState(before), paymentState(after));
            }
            return refunds.byId(refund.id()).orElseThrow();
        });
    }

    private Refund failed(Refund refund, String reason) {
        return steps.inOwnTransaction(() -> {
            if (refunds.finish(refund.id(), Refund.Status.FAILED, null, reason, steps.now())) {
                Payment payment =
                        payments.byId(refund.paymentId()).orElseThrow().payment();
                Map<String, Object> after = refundState(refund);
                after.put("status", "FAILED");
                after.put("reason", reason);
                steps.audit("payment.refund_failed", payment, refundState(refund), after);
            }
            return refunds.byId(refund.id()).orElseThrow();
        });
    }

    private Refund continueWith(Refund earlier, RefundCommand command) {
        if (earlier.amount().compareTo(command.amount()) != 0) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This idempotency key already refunded " + earlier.amount() + "; use a new key for a new refund");
        }
        return earlier.status() == Refund.Status.PENDING ? send(earlier) : earlier;
    }

    private static Map<String, Object> refundState(Refund refund) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("refundId", refund.id());
        state.put("status", refund.status().name());
        state.put("amount", refund.amount());
        state.put("currency", refund.currency().getCurrencyCode());
        state.put("reason", refund.reason());
        state.put("approvalRole", refund.approvalRole());
        return state;
    }

    private static Map<String, Object> paymentState(Payment p) {
        Map<String, Object> state = PaymentSteps.state(p, p.status());
        state.put("refunded", p.refunded());
        return state;
    }
}
