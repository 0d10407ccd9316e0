package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import org.parkline.server.common.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may refund, how much and until when (parkline.payments.refunds): a reason is mandatory; only a CAPTURED
 * payment, within the window after its capture, never more than captured minus what is refunded or being refunded;
 * an OPERATOR up to the operator limit, an ADMIN above it (the role is named here and enforced by the security
 * layer).
 */
@Component
class RefundPolicy {

    static final String OPERATOR = "OPERATOR";
    static final String ADMIN = "ADMIN";

    private final PaymentProperties.Refunds rules;

    RefundPolicy(PaymentProperties properties) {
        this.rules = properties.refunds();
    }

    /** The request on its own: a reason, a positive amount in the payment's currency. 400 when not. */
    void checkRequest(Payment payment, BigDecimal amount, String reason) {
        if (reason.strip().length() < rules.minReasonLength()) {
            throw ApiProblem.invalid("reason: mandatory, at least " + rules.minReasonLength()
                    + " characters saying why the money goes back");
        }
        int decimals = payment.currency().getDefaultFractionDigits();
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > decimals) {
            throw ApiProblem.invalid(
                    "amount: must be positive with at most " + decimals + " decimals in " + payment.currency());
        }
    }

    /** Against the payment as it is now (locked), with what is already refunded or on its way back. */
    void check(Payment payment, BigDecimal amount, BigDecimal alreadyRefunding, Instant now) {
        if (payment.status() != PaymentStatus.CAPTURED || payment.capturedAt() == null) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "payment-not-refundable",
                            "Payment cannot be refunded",
                            "Payment " + payment.id() + " is " + payment.status()
                                    + (payment.status() == PaymentStatus.REFUNDED
                                            ? ": it was refunded in full already"
                                            : ": only a CAPTURED payment can be refunded"))
                    .with("paymentStatus", payment.status());
        }
        Instant until = payment.capturedAt().plus(rules.window());
        if (now.isAfter(until)) {
            throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "refund-window-closed",
                            "Too late to refund",
                            "Payment " + payment.id() + " was captured at " + payment.capturedAt()
                                    + "; refunds are allowed until " + until)
                    .with("refundableUntil", until.toString());
        }
        BigDecimal refundable = payment.amount().subtract(alreadyRefunding);
        if (amount.compareTo(refundable) > 0) {
            throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "refund-exceeds-captured",
                            "More than can be refunded",
                            "amount " + amount + " is more than the " + refundable + " " + payment.currency()
                                    + " still refundable on payment " + payment.id())
                    .with("refundable", refundable);
        }
    }

    String approvalRole(BigDecimal amount) {
        return amount.compareTo(rules.operatorLimit()) <= 0 ? OPERATOR : ADMIN;
    }
}
