package org.parkline.server.lots;

/** SPOT: a spot is assigned at entry. CAPACITY: places are counted per zone, no spot is assigned. */
public enum LotMode {
    SPOT,
    CAPACITY
}
