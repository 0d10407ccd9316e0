package org.parkline.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One published rule-set version of a lot with its document ({@code GET /v1/pricingRules/{lotId}/{version}}),
 * what an edge controller prices offline with.
 *
 * @param lotId the lot
 * @param version the version number
 * @param status {@code IN_EFFECT}, {@code SCHEDULED} or {@code SUPERSEDED}
 * @param effectiveFrom when it takes effect
 * @param currency its currency
 * @param document the rule-set document (see docs/pricing.md)
 */
public record PricingRuleSet(
        String lotId,
        int version,
        String status,
        Instant effectiveFrom,
        String currency,
        Map<String, Object> document) {

    /**
     * A lot's versions ({@code GET /v1/pricingRules?lotId=}).
     *
     * @param lotId the lot
     * @param pricingBasis {@code ENTRY} or {@code EXIT}
     * @param inEffectNow the version in effect now
     * @param versions every version, newest first
     */
    public record Versions(String lotId, String pricingBasis, int inEffectNow, List<Version> versions) {}

    /**
     * One version in the list.
     *
     * @param version its number
     * @param status its status now
     * @param effectiveFrom when it takes effect
     */
    public record Version(int version, String status, Instant effectiveFrom) {}
}
