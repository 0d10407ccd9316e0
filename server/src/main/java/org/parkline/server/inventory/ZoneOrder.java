package org.parkline.server.inventory;

import java.util.Comparator;
import java.util.List;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.ZonePlace;

/**
 * Ranks a lot's zones for a vehicle entering at a gate: the lot's preferred floors first, then the floors
 * nearest the gate's, the gate's own zone first on its floor, then zones in their order on the floor.
 */
final class ZoneOrder {

    private ZoneOrder() {}

    static List<ZonePlace> forGate(List<ZonePlace> zones, Gate gate, List<String> preferredFloors) {
        int gateLevel = zones.stream()
                .filter(z -> z.floorId().equals(gate.floorId()))
                .mapToInt(ZonePlace::level)
                .findFirst()
                .orElse(0);
        Comparator<ZonePlace> order = Comparator.<ZonePlace>comparingInt(z -> preference(preferredFloors, z))
                .thenComparingInt(z -> Math.abs(z.level() - gateLevel))
                .thenComparingInt(z -> z.level())
                .thenComparingInt(z -> z.zone().equals(gate.zone()) ? 0 : 1)
                .thenComparingInt(ZonePlace::rank)
                .thenComparing(ZonePlace::zone);
        return zones.stream().sorted(order).toList();
    }

    private static int preference(List<String> preferredFloors, ZonePlace zone) {
        int index = preferredFloors.indexOf(zone.floorId());
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
