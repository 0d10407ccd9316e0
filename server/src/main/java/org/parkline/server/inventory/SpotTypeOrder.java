package org.parkline.server.inventory;

import java.util.ArrayList;
import java.util.List;
import org.parkline.server.lots.AllocationPolicy;
import org.parkline.server.lots.SpotType;

/**
 * Which spot types a vehicle may take, best first. The lot's policy orders them; two rules hold whatever the
 * policy says: EV charging bays go only to vehicles that charge or are EVs, and disabled bays only to those who
 * ask for one.
 */
final class SpotTypeOrder {

    private SpotTypeOrder() {}

    static List<SpotType> forVehicle(
            AllocationPolicy policy, String vehicleType, boolean needEv, boolean needDisabled) {
        if (needEv) return List.of(SpotType.EV_CHARGING);
        List<SpotType> order = new ArrayList<>();
        if (needDisabled) order.add(SpotType.DISABLED);
        for (SpotType type : policy.spotTypesFor(vehicleType)) {
            boolean evBayForNonEv = type == SpotType.EV_CHARGING && !vehicleType.equals("EV");
            boolean disabledBay = type == SpotType.DISABLED;
            if (!evBayForNonEv && !disabledBay && !order.contains(type)) order.add(type);
        }
        return List.copyOf(order);
    }
}
