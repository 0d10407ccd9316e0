package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices one stay under one tariff, in fixed phases: time charge, caps, flats, vehicle factor
 * (together: the parking charge), promotions (which only reduce the parking charge), then lost
 * ticket, overstay penalty and EV charging; finally what is due, given payments and grace.
 */
final class Pricer {

    private final Tariff tariff;
    private final String version;
    private final TimeCharge timeCharge;
    private final CapPolicy caps;
    private final List<Adjustment> parkingAdjustments;
    private final List<Adjustment> stayAdjustments;

    Pricer(Tariff tariff, String version) {
        this.tariff = tariff;
        this.version = version;
        this.timeCharge = new TimeCharge(tariff);
        this.caps = new CapPolicy(tariff);
        this.parkingAdjustments = List.of(new FlatRatePolicy(tariff), new VehicleFactorPolicy(tariff));
        this.stayAdjustments = List.of(
                new PromotionPolicy(tariff, this::parkingCharge),
                new LostTicketPolicy(tariff),
                new MaxStayPolicy(tariff),
                new EvChargingPolicy(tariff));
    }

    Quote quote(Stay stay) {
        List<QuoteLine> lines = new ArrayList<>();
        BigDecimal total = parkingCharge(stay, lines);
        for (Adjustment adjustment : stayAdjustments) {
            total = adjustment.apply(stay, total, lines);
        }
        total = tariff.money().round(total.max(BigDecimal.ZERO));
        BigDecimal due = amountDue(stay, total, lines);
        return new Quote(total, due, tariff.money().currency(), version, lines);
    }

    /** The charge for parking itself: time, caps, flats and the vehicle factor. */
    BigDecimal parkingCharge(Stay stay) {
        return parkingCharge(stay, new ArrayList<>());
    }

    private BigDecimal parkingCharge(Stay stay, List<QuoteLine> lines) {
        TimeCharge.Result time = timeCharge.charge(stay);
        lines.addAll(time.lines());
        caps.apply(stay, time.blocks(), lines);
        BigDecimal charge = tariff.money().zero();
        for (ChargeBlock block : time.blocks()) {
            charge = charge.add(block.net);
        }
        for (Adjustment adjustment : parkingAdjustments) {
            charge = adjustment.apply(stay, charge, lines);
        }
        return charge;
    }

    /** Nothing within the grace period after the last payment; otherwise the total less what was paid. */
    private BigDecimal amountDue(Stay stay, BigDecimal total, List<QuoteLine> lines) {
        var grace = tariff.single(Rule.GracePeriod.class);
        if (stay.lastPaidAt() != null && grace.isPresent()) {
            var graceEnds =
                    stay.lastPaidAt().plus(Duration.ofMinutes(grace.get().minutes()));
            if (!stay.exitAt().isAfter(graceEnds)) {
                lines.add(new QuoteLine(
                        grace.get().id(),
                        stay.lastPaidAt(),
                        stay.exitAt(),
                        tariff.money().zero()));
                return tariff.money().zero();
            }
        }
        return tariff.money().round(total.subtract(stay.alreadyPaid()).max(BigDecimal.ZERO));
    }
}
