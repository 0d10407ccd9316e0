package org.parkline.client;

/** The kind of vehicle at an entry gate; it decides which spot types the lot may assign. */
public enum VehicleType {
    CAR,
    MOTORBIKE,
    TRUCK,
    EV
}
