package org.parkline.edge.journal;

/** A place central holds in escrow for this controller's offline entries. */
public record QuotaPlace(String placeId, String vehicleType, String floorId, String zone, String spotId) {}
