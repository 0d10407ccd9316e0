package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One started block of time and its price. Caps lower {@link #net} block by block, in time order,
 * so a later cap (daily) sees what an earlier one (night) already took off.
 */
final class ChargeBlock {

    final Instant start;
    final BigDecimal gross;
    BigDecimal net;

    ChargeBlock(Instant start, BigDecimal gross) {
        this.start = start;
        this.gross = gross;
        this.net = gross;
    }
}
