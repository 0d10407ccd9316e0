package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.inventory.Placement;

/**
 * A ticket as stored. The plate, when there is one, is only ever held protected.
 *
 * @param lostAt when it was reported lost (it is then priced with the tariff's lost-ticket fee)
 * @param feeOverride the price an operator set for the whole stay, replacing the tariff's
 * @param amountWaived what was still owed when an operator let the vehicle out unpaid
 * @param voidedAt when it was voided
 */
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
        @Nullable BigDecimal amountCharged,
        @Nullable Instant lostAt,
        @Nullable BigDecimal feeOverride,
        @Nullable BigDecimal amountWaived,
        @Nullable Instant voidedAt) {

    boolean evCharging() {
        return placement.spotType() == org.parkline.server.lots.SpotType.EV_CHARGING;
    }
}
