package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A stay to be priced: when the vehicle entered and left, where (the lot's timezone), and the
 * facts about it that rules may depend on.
 *
 * @param entryAt when the vehicle entered
 * @param exitAt when it leaves (or the instant to quote at)
 * @param zone the lot's timezone: time bands and day types are read in it
 * @param vehicle the vehicle class, for vehicle-type multipliers
 * @param evCharging whether the stay used an EV charging spot
 * @param lostTicket whether the ticket was reported lost (lost-ticket fee applies)
 * @param promotionCodes promotion or validation codes presented for this stay
 * @param alreadyPaid money already paid for this stay (zero when none)
 * @param lastPaidAt when the last payment was made, or {@code null} when none
 */
public record Stay(
        Instant entryAt,
        Instant exitAt,
        ZoneId zone,
        VehicleClass vehicle,
        boolean evCharging,
        boolean lostTicket,
        List<String> promotionCodes,
        BigDecimal alreadyPaid,
        Instant lastPaidAt) {

    public Stay {
        Objects.requireNonNull(entryAt, "entryAt");
        Objects.requireNonNull(exitAt, "exitAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(vehicle, "vehicle");
        if (exitAt.isBefore(entryAt)) {
            throw new IllegalArgumentException("exitAt is before entryAt");
        }
        promotionCodes = promotionCodes == null ? List.of() : List.copyOf(promotionCodes);
        alreadyPaid = alreadyPaid == null ? BigDecimal.ZERO : alreadyPaid;
    }

    /** A plain stay: no EV charging, no lost ticket, no promotions, nothing paid yet. */
    public static Stay of(Instant entryAt, Instant exitAt, ZoneId zone, VehicleClass vehicle) {
        return new Stay(entryAt, exitAt, zone, vehicle, false, false, List.of(), BigDecimal.ZERO, null);
    }
}
