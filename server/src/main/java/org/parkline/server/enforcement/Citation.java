package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ProtectedPlate;

/**
 * A citation as stored. The plate is held protected; {@code fine} is the scheduled amount, {@code reducedTo} what
 * an adjudicator reduced it to, and {@code lateFee} is added when it is still unpaid at {@code lateFrom}.
 */
public record Citation(
        String id,
        String number,
        String lotId,
        @Nullable String zone,
        @Nullable String location,
        ProtectedPlate plate,
        @Nullable String vehicle,
        String violationCode,
        String violation,
        BigDecimal fine,
        BigDecimal lateFee,
        Instant lateFrom,
        @Nullable BigDecimal reducedTo,
        Currency currency,
        CitationStatus status,
        String officerId,
        @Nullable String patrolId,
        Instant issuedAt) {

    /** The fine before any late fee: the scheduled amount, or what an adjudicator reduced it to. */
    public BigDecimal baseAmount() {
        return reducedTo != null ? reducedTo : fine;
    }
}
