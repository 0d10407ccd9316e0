package org.parkline.client;

/**
 * One spot as the server sees it.
 *
 * @param spotId the spot's id
 * @param lotId its lot
 * @param floorId its floor
 * @param zone its zone
 * @param type its type
 * @param status its status
 */
public record Spot(String spotId, String lotId, String floorId, String zone, SpotType type, SpotStatus status) {}
