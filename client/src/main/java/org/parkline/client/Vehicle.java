package org.parkline.client;

/**
 * The vehicle at an entry gate.
 *
 * @param type the kind of vehicle
 * @param plate the licence plate as read by the gate, or {@code null} when no plate was read
 */
public record Vehicle(VehicleType type, String plate) {

    /** A vehicle whose plate was not read. */
    public static Vehicle of(VehicleType type) {
        return new Vehicle(type, null);
    }
}
