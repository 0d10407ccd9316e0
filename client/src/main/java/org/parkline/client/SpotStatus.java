package org.parkline.client;

/** The state of one spot in a SPOT-mode lot. */
public enum SpotStatus {
    AVAILABLE,
    OCCUPIED,
    RESERVED,
    OUT_OF_SERVICE,
    /** Removed from service for good (counted nowhere). */
    RETIRED
}
