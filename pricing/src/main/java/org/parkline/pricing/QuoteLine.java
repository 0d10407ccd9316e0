package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One rule's contribution to a quote.
 *
 * @param rule the rule's id in the rule set (e.g. {@code weekday_hourly})
 * @param from start of the period the rule priced
 * @param to end of that period
 * @param amount what the rule added (negative for caps, discounts and free periods)
 */
public record QuoteLine(String rule, Instant from, Instant to, BigDecimal amount) {}
