package org.parkline.sim;

import org.parkline.client.EntryPreferences;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;

/**
 * The {@code n}-th vehicle of a run, chosen from the seed so runs can be repeated: mostly cars, some
 * motorbikes, trucks and EVs (most wanting a charger), a few parkers needing an accessible spot.
 *
 * @param carNumber position in the arrival stream
 * @param vehicle what arrives
 * @param preferences what the parker asks for
 * @param retried whether the gate sends this entry a second time with the same key
 */
record Arrival(int carNumber, Vehicle vehicle, EntryPreferences preferences, boolean retried) {

    static Arrival of(int carNumber, long seed, double retryShare) {
        double kind = unit(seed, carNumber, 1);
        boolean retried = unit(seed, carNumber, 2) < retryShare;
        String plate = "SB%07dZ".formatted(carNumber);
        if (kind < 0.04) {
            return new Arrival(carNumber, new Vehicle(VehicleType.MOTORBIKE, plate), EntryPreferences.none(), retried);
        }
        if (kind < 0.07) {
            return new Arrival(carNumber, new Vehicle(VehicleType.TRUCK, plate), EntryPreferences.none(), retried);
        }
        if (kind < 0.12) {
            boolean wantsCharger = kind < 0.11;
            return new Arrival(
                    carNumber, new Vehicle(VehicleType.EV, plate), new EntryPreferences(wantsCharger, false), retried);
        }
        boolean needsAccessible = kind < 0.135;
        return new Arrival(
                carNumber, new Vehicle(VehicleType.CAR, plate), new EntryPreferences(false, needsAccessible), retried);
    }

    /** A uniform number in [0, 1) from (seed, car, stream), by SplitMix64 finalization. */
    private static double unit(long seed, int carNumber, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + carNumber * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
