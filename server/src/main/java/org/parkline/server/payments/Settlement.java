package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What has been paid for one payable: captured (net of refunds), and pending (authorized, capture not confirmed
 * yet), when the last of those payments was made, and which payments they are.
 */
public record Settlement(
        BigDecimal captured, BigDecimal pending, @Nullable Instant lastCapturedAt, List<String> paymentIds) {

    public static final Settlement NONE = new Settlement(BigDecimal.ZERO, BigDecimal.ZERO, null, List.of());

    /** What the payable may count as paid: captured plus pending (see docs/payments.md, pending exit). */
    public BigDecimal covered() {
        return captured.add(pending);
    }
}
