package org.parkline.server.permits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.parkline.server.payments.AmountDue;
import org.parkline.server.payments.PayableResolver;
import org.parkline.server.payments.PaymentCompleted;
import org.parkline.server.payments.PaymentStatus;
import org.parkline.server.payments.Payments;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells payments what a permit owes: its charges (net of refunds) minus what was paid for it. When a payment for a
 * permit is captured, settles the permit in the capture's own transaction, so the permit is valid the moment the
 * payment is.
 */
@Component
class PermitPayables implements PayableResolver {

    private final PermitBook permits;
    private final PermitSales sales;
    private final Payments payments;

    PermitPayables(PermitBook permits, PermitSales sales, Payments payments) {
        this.permits = permits;
        this.sales = sales;
        this.payments = payments;
    }

    @Override
    public String kind() {
        return PermitSales.PAYABLE_KIND;
    }

    @Override
    public Optional<AmountDue> amountDue(String permitId, Instant at) {
        return permits.find(permitId).map(permit -> {
            var type = permitType(permit);
            if (permit.status() == PermitStatus.REVOKED || permit.status() == PermitStatus.REFUNDED) {
                return new AmountDue(permit.lotId(), BigDecimal.ZERO, type.currency());
            }
            BigDecimal charged = permits.charges(permitId).stream()
                    .filter(c -> !c.status().equals("CANCELLED"))
                    .map(c -> c.amount().subtract(c.refunded()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal owed =
                    charged.subtract(payments.settlement(kind(), permitId).covered());
            BigDecimal due = owed.signum() > 0 ? owed : BigDecimal.ZERO;
            return new AmountDue(
                    permit.lotId(),
                    due.setScale(type.currency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP),
                    type.currency());
        });
    }

    @EventListener
    void paid(PaymentCompleted completed) {
        var payment = completed.payment();
        if (payment.payableKind().equals(kind()) && payment.status() == PaymentStatus.CAPTURED) {
            sales.settle(payment.payableRef());
        }
    }

    private PermitType permitType(Permit permit) {
        return sales.typeOf(permit);
    }
}
