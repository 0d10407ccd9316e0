package org.parkline.client;

/** SPOT lots assign a spot at entry; CAPACITY lots only count places. */
public enum LotMode {
    SPOT,
    CAPACITY
}
