package org.parkline.server.pricing;

import java.time.Instant;
import org.parkline.pricing.RuleSet;

/** One published rule-set version of a lot. */
public record Tariff(String lotId, int version, Instant effectiveFrom, RuleSet rules) {}
