package org.parkline.client;

/** Whether a gate lets vehicles in or out. */
public enum GateDirection {
    ENTRY,
    EXIT
}
