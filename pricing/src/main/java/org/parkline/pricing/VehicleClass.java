package org.parkline.pricing;

/** The vehicle classes a tariff can price differently. */
public enum VehicleClass {
    CAR,
    MOTORBIKE,
    TRUCK,
    EV
}
