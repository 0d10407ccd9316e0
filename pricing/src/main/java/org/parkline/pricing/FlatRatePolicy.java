package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** Overnight and early-bird flats: a qualifying stay pays the cheapest qualifying flat when that is less than its time charge. */
final class FlatRatePolicy implements Adjustment {

    private final Tariff tariff;

    FlatRatePolicy(Tariff tariff) {
        this.tariff = tariff;
    }

    @Override
    public BigDecimal apply(Stay stay, BigDecimal running, List<QuoteLine> lines) {
        Rule.FlatWindow best = null;
        for (Rule.FlatWindow flat : tariff.all(Rule.FlatWindow.class)) {
            boolean cheaper = flat.amount().compareTo(best == null ? running : best.amount()) < 0;
            if (cheaper && qualifies(flat, stay)) {
                best = flat;
            }
        }
        if (best == null) {
            return running;
        }
        BigDecimal flat = tariff.money().round(best.amount());
        lines.add(new QuoteLine(best.id(), stay.entryAt(), stay.exitAt(), flat.subtract(running)));
        return flat;
    }

    /** Entered inside the entry window (on an admitted day) and left no later than the next exit time after it opened. */
    boolean qualifies(Rule.FlatWindow flat, Stay stay) {
        ZonedDateTime entry = stay.entryAt().atZone(stay.zone());
        if (!flat.entryWindow().contains(entry.toLocalTime().toSecondOfDay())) {
            return false;
        }
        LocalDate opened = flat.entryWindow().occurrenceDate(entry);
        if (!tariff.calendar().admits(flat.days(), opened)) {
            return false;
        }
        ZonedDateTime windowStart = flat.entryWindow().start(opened, stay.zone());
        ZonedDateTime exitBy = TimeBand.at(opened, flat.exitByMinute(), stay.zone());
        if (!exitBy.isAfter(windowStart)) {
            exitBy = TimeBand.at(opened.plusDays(1), flat.exitByMinute(), stay.zone());
        }
        return !stay.exitAt().isAfter(exitBy.toInstant());
    }
}
