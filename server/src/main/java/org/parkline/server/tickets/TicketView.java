package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.SpotType;

/** A ticket as the API shows it; times in the lot's timezone. The plate is not shown here. */
record TicketView(
        String ticketId,
        String lotId,
        OffsetDateTime issuedAt,
        @Nullable SpotView spot,
        String floorId,
        String zone,
        String barcode,
        TicketStatus status,
        VehicleType vehicleType,
        String entryGateId,
        @Nullable OffsetDateTime exitAt,
        @Nullable String exitGateId,
        @Nullable BigDecimal amountCharged,
        boolean lost,
        @Nullable BigDecimal feeOverride,
        @Nullable BigDecimal amountWaived,
        @Nullable OffsetDateTime voidedAt) {

    record SpotView(String spotId, String floorId, String zone, SpotType type) {}

    static TicketView of(Ticket t, Lot lot) {
        ZoneId zone = lot.timezone();
        SpotView spot = t.placement().spotId() == null
                ? null
                : new SpotView(
                        t.placement().spotId(),
                        t.placement().floorId(),
                        t.placement().zone(),
                        t.placement().spotType());
        return new TicketView(
                t.id(),
                t.lotId(),
                t.entryAt().atZone(zone).toOffsetDateTime(),
                spot,
                t.placement().floorId(),
                t.placement().zone(),
                t.barcode(),
                t.status(),
                t.vehicleType(),
                t.entryGateId(),
                t.exitAt() == null ? null : t.exitAt().atZone(zone).toOffsetDateTime(),
                t.exitGateId(),
                money(t.amountCharged(), lot),
                t.lostAt() != null,
                money(t.feeOverride(), lot),
                money(t.amountWaived(), lot),
                t.voidedAt() == null ? null : t.voidedAt().atZone(zone).toOffsetDateTime());
    }

    private static @Nullable BigDecimal money(@Nullable BigDecimal amount, Lot lot) {
        return amount == null ? null : amount.setScale(lot.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
