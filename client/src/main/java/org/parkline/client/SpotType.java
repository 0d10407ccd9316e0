package org.parkline.client;

/** The kind of a parking spot, also the key of availability counts. */
public enum SpotType {
    COMPACT,
    LARGE,
    MOTORBIKE,
    EV_CHARGING,
    DISABLED
}
