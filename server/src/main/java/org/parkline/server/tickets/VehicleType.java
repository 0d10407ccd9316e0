package org.parkline.server.tickets;

import org.parkline.pricing.VehicleClass;

public enum VehicleType {
    CAR,
    MOTORBIKE,
    TRUCK,
    EV;

    VehicleClass pricingClass() {
        return VehicleClass.valueOf(name());
    }
}
