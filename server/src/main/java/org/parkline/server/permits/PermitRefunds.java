package org.parkline.server.permits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.payments.PayableRefunds;
import org.parkline.server.payments.Payments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Gives a permit back under its type's refund policy: PRORATED refunds the unused whole days of what was paid for
 * the current term (the refund policy of payments decides who may approve the amount); NONE refunds nothing. The
 * permit ends now either way, and its place goes to the waitlist.
 */
@Service
class PermitRefunds {

    private final PermitSales sales;
    private final PermitBook permits;
    private final PermitWaitlist waitlist;
    private final Payments payments;
    private final PayableRefunds refunds;
    private final Clock clock;

    PermitRefunds(
            PermitSales sales,
            PermitBook permits,
            PermitWaitlist waitlist,
            Payments payments,
            PayableRefunds refunds,
            Clock clock) {
        this.sales = sales;
        this.permits = permits;
        this.waitlist = waitlist;
        this.payments = payments;
        this.refunds = refunds;
        this.clock = clock;
    }

    record Outcome(Permit permit, BigDecimal refunded, List<PayableRefunds.RefundMade> refunds) {}

    /** Runs in the request's transaction; the refunds themselves commit in their own (see payments). */
    Outcome giveBack(String permitId, String reason, String idempotencyKey) {
        if (reason.strip().length() < 5) throw ApiProblem.invalid("reason: at least 5 characters saying why");
        Permit permit = sales.lockVisible(permitId);
        if (permit.status() != PermitStatus.ACTIVE && permit.status() != PermitStatus.SUSPENDED) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "permit-state",
                    "Not possible now",
                    "Permit " + permit.id() + " is " + permit.status() + "; only a held permit can be given back");
        }
        PermitType type = sales.typeOf(permit);
        Instant now = clock.instant();
        BigDecimal amount = BigDecimal.ZERO;
        PermitBook.@Nullable Charge term = currentTerm(permit, now);
        if (type.refundPolicy() == PermitType.RefundPolicy.PRORATED && term != null) {
            amount = unusedShare(term, now, type);
            BigDecimal paid =
                    payments.settlement(PermitSales.PAYABLE_KIND, permit.id()).captured();
            amount = amount.min(paid);
        }
        List<PayableRefunds.RefundMade> made = amount.signum() > 0
                ? refunds.refund(PermitSales.PAYABLE_KIND, permit.id(), amount, reason.strip(), idempotencyKey, null)
                : List.of();
        BigDecimal refunded = made.stream()
                .filter(r -> !r.status().equals("FAILED"))
                .map(PayableRefunds.RefundMade::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (term != null && refunded.signum() > 0) permits.chargeRefunded(term.id(), refunded);
        permits.charges(permit.id()).stream()
                .filter(c -> c.status().equals("DUE"))
                .forEach(c -> permits.chargeCancelled(c.id()));
        Instant end = now.isBefore(permit.validFrom()) ? permit.validFrom().plusSeconds(1) : now;
        permits.update(permit.id(), PermitStatus.REFUNDED, permit.validFrom(), end, now);
        waitlist.offerNext(permit.typeId());
        Permit after = permits.find(permit.id()).orElseThrow();
        Map<String, Object> state = PermitSales.state(after);
        state.put("refunded", refunded);
        state.put("reason", reason.strip());
        sales.audit("permit.refunded", after, PermitSales.state(permit), state);
        return new Outcome(after, refunded, made);
    }

    /** The paid charge whose term covers now (or the latest paid one, for a permit that has not started). */
    private static PermitBook.@Nullable Charge currentTerm(Permit permit, Instant now, PermitBook permits) {
        PermitBook.@Nullable Charge latest = null;
        for (PermitBook.Charge c : permits.charges(permit.id())) {
            if (!c.status().equals("PAID")) continue;
            if (!now.isBefore(c.termFrom()) && now.isBefore(c.termUntil())) return c;
            if (latest == null || c.termFrom().isAfter(latest.termFrom())) latest = c;
        }
        return latest != null && latest.termFrom().isAfter(now) ? latest : null;
    }

    private PermitBook.@Nullable Charge currentTerm(Permit permit, Instant now) {
        return currentTerm(permit, now, permits);
    }

    /** The charge's net amount times the share of its term's whole days not yet begun, rounded down. */
    private static BigDecimal unusedShare(PermitBook.Charge term, Instant now, PermitType type) {
        long totalDays =
                Math.max(1, Duration.between(term.termFrom(), term.termUntil()).toDays());
        Instant start = now.isBefore(term.termFrom()) ? term.termFrom() : now;
        long unusedDays = Duration.between(start, term.termUntil()).toDays();
        if (now.isBefore(term.termFrom())) unusedDays = totalDays;
        BigDecimal net = term.amount().subtract(term.refunded());
        return net.multiply(BigDecimal.valueOf(unusedDays))
                .divide(BigDecimal.valueOf(totalDays), type.currency().getDefaultFractionDigits(), RoundingMode.DOWN);
    }
}
