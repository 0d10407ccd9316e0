package org.parkline.server.appeals;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An appeal as stored. */
record Appeal(
        String id,
        String citationId,
        String lotId,
        Status status,
        String statement,
        String submittedBy,
        Instant submittedAt,
        @Nullable Decision decision,
        @Nullable String decisionReason,
        @Nullable BigDecimal newAmount,
        BigDecimal refunded,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt) {

    enum Status {
        SUBMITTED,
        DECIDED
    }

    enum Decision {
        UPHELD,
        REDUCED,
        CANCELLED
    }
}
