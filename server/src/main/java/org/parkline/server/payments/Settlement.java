package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What has been captured for one payable: the total, when the last capture was, and by which payments. */
public record Settlement(BigDecimal captured, @Nullable Instant lastCapturedAt, List<String> paymentIds) {

    public static final Settlement NONE = new Settlement(BigDecimal.ZERO, null, List.of());
}
