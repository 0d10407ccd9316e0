package org.parkline.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Available places in a lot, by spot type, per floor and zone ({@code GET
 * /v1/lots/{id}/availability}).
 *
 * @param lotId the lot
 * @param asOf when the counts were read
 * @param counts available places per spot type in the whole lot (filtered)
 * @param floors the same counts per floor
 */
public record Availability(
        String lotId, OffsetDateTime asOf, Map<SpotType, Integer> counts, List<FloorAvailability> floors) {

    /** Available places of one type in the whole lot; 0 when the type is absent. */
    public int available(SpotType type) {
        return counts == null ? 0 : counts.getOrDefault(type, 0);
    }

    /**
     * Available places on a floor.
     *
     * @param floorId the floor
     * @param counts available places per spot type
     * @param zones the same counts per zone
     */
    public record FloorAvailability(String floorId, Map<SpotType, Integer> counts, List<ZoneAvailability> zones) {}

    /**
     * Available places in a zone.
     *
     * @param zone the zone code
     * @param counts available places per spot type
     */
    public record ZoneAvailability(String zone, Map<SpotType, Integer> counts) {}
}
