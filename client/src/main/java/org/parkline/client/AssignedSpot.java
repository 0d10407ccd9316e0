package org.parkline.client;

/**
 * The spot a SPOT-mode lot assigned to a ticket.
 *
 * @param spotId the spot, e.g. {@code S_2_041}
 * @param floorId the floor it is on
 * @param zone the zone it is in
 * @param type the kind of spot
 */
public record AssignedSpot(String spotId, String floorId, String zone, SpotType type) {}
