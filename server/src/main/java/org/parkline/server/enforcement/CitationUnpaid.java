package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A citation is still unpaid: at its late date ({@code stage} LATE, the late fee now applies) or after the
 * collections delay ({@code stage} COLLECTIONS). Outside systems (registration holds, collection agencies) act on
 * it; delivery is the integrations capability's job.
 */
public record CitationUnpaid(
        String citationId,
        String number,
        String lotId,
        Stage stage,
        BigDecimal amountDue,
        String currency,
        Instant at) {

    public enum Stage {
        LATE,
        COLLECTIONS
    }
}
