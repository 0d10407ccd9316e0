package org.parkline.server.lots;

public enum SpotType {
    COMPACT,
    LARGE,
    MOTORBIKE,
    EV_CHARGING,
    DISABLED
}
