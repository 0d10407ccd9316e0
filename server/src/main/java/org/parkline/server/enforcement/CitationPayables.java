package org.parkline.server.enforcement;

import java.time.Instant;
import java.util.Optional;
import org.parkline.server.payments.AmountDue;
import org.parkline.server.payments.PayableResolver;
import org.parkline.server.payments.PaymentCompleted;
import org.parkline.server.payments.PaymentStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells payments what a citation owes now (late fee included once due); a captured payment that covers it makes it
 * PAID in the capture's own transaction. A second payment finds nothing owed and is refused ({@code nothing-due}).
 */
@Component
class CitationPayables implements PayableResolver {

    private final Citations citations;

    CitationPayables(Citations citations) {
        this.citations = citations;
    }

    @Override
    public String kind() {
        return Citations.PAYABLE_KIND;
    }

    @Override
    public Optional<AmountDue> amountDue(String citationId, Instant at) {
        return citations
                .find(citationId)
                .map(c -> new AmountDue(c.lotId(), citations.owed(c, at).due(), c.currency()));
    }

    @EventListener
    void paid(PaymentCompleted completed) {
        var payment = completed.payment();
        if (payment.payableKind().equals(kind()) && payment.status() == PaymentStatus.CAPTURED) {
            citations.lock(payment.payableRef()).ifPresent(citations::settleIfPaid);
        }
    }
}
