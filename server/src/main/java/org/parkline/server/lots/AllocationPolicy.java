package org.parkline.server.lots;

import java.util.List;
import java.util.Map;

/**
 * A lot's allocation settings, stored as JSON on the lot. {@code spotTypes} lists, per vehicle type, the spot types
 * it may take in order of preference; {@code preferredFloors} are tried first (e.g. keep the roof free).
 */
public record AllocationPolicy(Map<String, List<SpotType>> spotTypes, List<String> preferredFloors) {

    /** Cars take compact then large; trucks large only; motorbikes their own bays; EVs an EV bay, else a car's. */
    public static final AllocationPolicy DEFAULT = new AllocationPolicy(
            Map.of(
                    "CAR", List.of(SpotType.COMPACT, SpotType.LARGE),
                    "EV", List.of(SpotType.EV_CHARGING, SpotType.COMPACT, SpotType.LARGE),
                    "TRUCK", List.of(SpotType.LARGE),
                    "MOTORBIKE", List.of(SpotType.MOTORBIKE)),
            List.of());

    public AllocationPolicy {
        spotTypes = spotTypes == null || spotTypes.isEmpty() ? DEFAULT.spotTypes() : Map.copyOf(spotTypes);
        preferredFloors = preferredFloors == null ? List.of() : List.copyOf(preferredFloors);
    }

    public List<SpotType> spotTypesFor(String vehicleType) {
        return spotTypes.getOrDefault(vehicleType, DEFAULT.spotTypes().getOrDefault(vehicleType, List.of()));
    }
}
