package org.parkline.server.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Refunds asked for by the capability that sold a payable: an appeal that cancels a paid citation, a permit given
 * back under its refund policy. Gives back up to an amount across the payable's captured payments, newest first;
 * each refund has a key derived from the caller's, so a retried decision refunds once.
 */
@Service
public class PayableRefunds {

    private final Refunds refunds;
    private final PaymentLedger ledger;
    private final RefundLedger refundLedger;

    PayableRefunds(Refunds refunds, PaymentLedger ledger, RefundLedger refundLedger) {
        this.refunds = refunds;
        this.ledger = ledger;
        this.refundLedger = refundLedger;
    }

    /** One refund made: its id, the payment it gave money back on, how much, and SUCCEEDED, PENDING or FAILED. */
    public record RefundMade(String refundId, String paymentId, BigDecimal amount, String status) {}

    /**
     * Gives back {@code amount} of what a payable's payments captured.
     *
     * @param decidedAs the role whose decision obliges the refund (e.g. ADJUDICATOR), checked by the caller; null
     *     to apply the refund policy's roles and window to the current caller, as a refund at a desk would
     */
    public List<RefundMade> refund(
            String payableKind,
            String payableRef,
            BigDecimal amount,
            String reason,
            String idempotencyKey,
            @Nullable String decidedAs) {
        List<RefundMade> made = new ArrayList<>();
        BigDecimal left = amount;
        List<StoredPayment> payments = new ArrayList<>(ledger.ofPayable(payableKind, payableRef));
        Collections.reverse(payments);
        for (StoredPayment stored : payments) {
            if (left.signum() <= 0) break;
            Payment payment = stored.payment();
            String key = idempotencyKey + ":" + payment.id();
            // a retried decision finds the refund it already made (and maybe committed) instead of making another
            Refund refund = refundLedger.byKey(payment.id(), key).orElse(null);
            if (refund == null) {
                BigDecimal take = payment.refundable().min(left);
                if (take.signum() <= 0) continue;
                refund = refunds.refund(new Refunds.RefundCommand(payment.id(), take, reason, key, decidedAs));
            }
            made.add(new RefundMade(
                    refund.id(), payment.id(), refund.amount(), refund.status().name()));
            if (refund.status() != Refund.Status.FAILED) left = left.subtract(refund.amount());
        }
        return made;
    }
}
