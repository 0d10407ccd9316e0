package org.parkline.client;

/**
 * Narrows an availability query; {@code null} fields do not filter.
 *
 * @param spotType only this spot type
 * @param floorId only this floor
 * @param zone only this zone (usually with a floor)
 */
public record AvailabilityFilter(SpotType spotType, String floorId, String zone) {

    /** The whole lot, every spot type. */
    public static AvailabilityFilter all() {
        return new AvailabilityFilter(null, null, null);
    }

    /** Only one spot type, across the lot. */
    public static AvailabilityFilter of(SpotType spotType) {
        return new AvailabilityFilter(spotType, null, null);
    }
}
