package org.parkline.server.inventory;

import org.jspecify.annotations.Nullable;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;

/** What the allocator needs to place one vehicle entering through one gate. */
public record AllocationRequest(
        Lot lot,
        Gate gate,
        String vehicleType,
        boolean needEvCharging,
        boolean needDisabled,
        @Nullable String holdId) {}
