package org.parkline.server.payments;

import java.time.Instant;
import java.util.Optional;

/** Implemented by each capability whose things can be paid for (tickets now; permits and citations later). */
public interface PayableResolver {

    /** The kind of payable this resolver answers for, e.g. {@code TICKET}. */
    String kind();

    /** What is owed now for a reference, or empty when there is no such thing. */
    Optional<AmountDue> amountDue(String reference, Instant at);
}
