package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.inventory.Placement;

/** A ticket as stored. The plate, when there is one, is only ever held protected. */
record Ticket(
        String id,
        String lotId,
        TicketStatus status,
        VehicleType vehicleType,
        @Nullable ProtectedPlate plate,
        Placement placement,
        String barcode,
        String entryGateId,
        Instant entryAt,
        @Nullable String exitGateId,
        @Nullable Instant exitAt,
        @Nullable BigDecimal amountCharged) {

    boolean evCharging() {
        return placement.spotType() == org.parkline.server.lots.SpotType.EV_CHARGING;
    }
}
