package org.parkline.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One priced piece of a stay.
 *
 * @param rule the pricing rule that produced it, e.g. {@code weekday_hourly}
 * @param from start of the piece
 * @param to end of the piece
 * @param amount what the piece costs
 */
public record QuoteLine(String rule, OffsetDateTime from, OffsetDateTime to, BigDecimal amount) {}
