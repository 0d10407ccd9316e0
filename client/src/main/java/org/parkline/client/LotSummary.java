package org.parkline.client;

import java.time.ZoneId;

/**
 * One lot in the list of lots ({@code GET /v1/lots}).
 *
 * @param lotId the lot's id
 * @param name its display name
 * @param timezone the zone billing uses
 * @param mode whether spots are assigned or places counted
 * @param currency ISO 4217 code
 */
public record LotSummary(String lotId, String name, ZoneId timezone, LotMode mode, String currency) {}
