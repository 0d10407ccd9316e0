package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A promotion or merchant validation code defined in the document.
 *
 * @param code the code as matched (upper case, trimmed)
 * @param kind what it takes off
 * @param value percent (PERCENT), money (AMOUNT) or hours (FREE_HOURS)
 * @param validFrom first local date-time (lot timezone) it is accepted at exit, or {@code null}
 * @param validUntil local date-time from which it is no longer accepted, or {@code null}
 */
record Promotion(String code, Kind kind, BigDecimal value, LocalDateTime validFrom, LocalDateTime validUntil) {

    /** In the order they are applied. */
    enum Kind {
        FREE_HOURS,
        AMOUNT,
        PERCENT
    }

    static String normalize(String code) {
        return code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    boolean validAt(LocalDateTime localExit) {
        return (validFrom == null || !localExit.isBefore(validFrom))
                && (validUntil == null || localExit.isBefore(validUntil));
    }
}
