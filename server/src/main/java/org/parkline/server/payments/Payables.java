package org.parkline.server.payments;

import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks the capability that sells a payable what it owes now. */
@Component
class Payables {

    private final ObjectProvider<PayableResolver> resolvers;

    Payables(ObjectProvider<PayableResolver> resolvers) {
        this.resolvers = resolvers; // looked up per call: the resolvers themselves depend on payments
    }

    Optional<AmountDue> due(String payableKind, String payableRef, Instant at) {
        return resolvers.stream()
                .filter(resolver -> resolver.kind().equals(payableKind))
                .findFirst()
                .flatMap(resolver -> resolver.amountDue(payableRef, at));
    }
}
