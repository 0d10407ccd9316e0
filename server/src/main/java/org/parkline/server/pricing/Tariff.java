package org.parkline.server.pricing;

import java.time.Instant;
import org.parkline.pricing.RuleSet;

/** One published rule-set version of a lot, parsed and ready to price stays. */
public record Tariff(Published published, RuleSet rules) {

    /** When and by whom a version was published; what the version list shows without parsing documents. */
    public record Published(
            String lotId, int version, Instant effectiveFrom, Instant publishedAt, String publishedBy) {}

    public String lotId() {
        return published.lotId();
    }

    public int version() {
        return published.version();
    }

    public Instant effectiveFrom() {
        return published.effectiveFrom();
    }
}
