package org.parkline.server.inventory;

import org.jspecify.annotations.Nullable;
import org.parkline.server.lots.SpotType;

/** Where a vehicle was placed: a spot in SPOT mode, or just a counted place in a zone in CAPACITY mode. */
public record Placement(@Nullable String spotId, String floorId, String zone, SpotType spotType) {}
