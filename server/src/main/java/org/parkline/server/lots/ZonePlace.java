package org.parkline.server.lots;

/** A zone on a floor, with what the allocator needs to rank it: the floor's level and the zone's rank on it. */
public record ZonePlace(String floorId, int level, String zone, int rank) {}
