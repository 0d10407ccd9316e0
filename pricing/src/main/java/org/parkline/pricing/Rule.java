package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule of a tariff, as parsed from the document. The engine applies the kinds in a fixed phase
 * order (see {@code docs/pricing.md}); {@link #priority()} orders rules within a phase.
 */
sealed interface Rule {

    /** The rule's id in the document, used in every breakdown line the rule produces. */
    String id();

    /** Lower first within a phase; equal priorities keep document order. */
    int priority();

    /** A stay no longer than {@code minutes} costs nothing; when {@code deducted}, those minutes are free on any stay. */
    record FreeMinutes(String id, int priority, int minutes, boolean deducted) implements Rule {}

    /** After a payment, the vehicle may leave within {@code minutes} without paying again. */
    record GracePeriod(String id, int priority, int minutes) implements Rule {}

    /** The first {@code minutes} of a (non-free) stay cost a flat {@code amount}; rate rules price the rest. */
    record FirstPeriod(String id, int priority, int minutes, BigDecimal amount) implements Rule {}

    /** A rate rule: these days, this band of the day, {@code rate} per started block. HOURLY is a 60-minute block. */
    record Rate(String id, int priority, Set<DayType> days, TimeBand band, int blockMinutes, BigDecimal rate)
            implements Rule {}

    /** A table of bands that must tile the whole day, each with its own rate and block. */
    record TimeBands(String id, int priority, Set<DayType> days, List<Band> bands) implements Rule {

        /** One row of the table. */
        record Band(TimeBand band, int blockMinutes, BigDecimal rate) {}
    }

    /** Time charges in one day (24 h from entry, or a calendar day in the lot's timezone) never exceed {@code amount}. */
    record DailyCap(String id, int priority, BigDecimal amount, CapWindow window) implements Rule {}

    /** Time charges in one occurrence of a band (e.g. the night 22:30–07:00) never exceed {@code amount}. */
    record PeriodCap(String id, int priority, Set<DayType> days, TimeBand band, BigDecimal amount) implements Rule {}

    /**
     * A stay entering inside {@code entryWindow} and leaving no later than the next {@code exitByMinute}
     * pays at most {@code amount} for its time (overnight flat, early bird).
     */
    record FlatWindow(
            String id, int priority, Set<DayType> days, TimeBand entryWindow, int exitByMinute, BigDecimal amount)
            implements Rule {}

    /** A stay longer than {@code minutes} adds {@code penalty} (zero: the line only flags it). */
    record MaxStay(String id, int priority, int minutes, BigDecimal penalty) implements Rule {}

    /** Added when the stay used EV charging: per stay, or per started hour of the stay. */
    record EvSurcharge(String id, int priority, BigDecimal amount, Per per) implements Rule {

        /** What the amount is charged per. */
        enum Per {
            STAY,
            HOUR
        }
    }

    /** Multiplies the parking charge by a factor per vehicle class; classes not listed pay ×1. */
    record VehicleMultiplier(String id, int priority, Map<VehicleClass, BigDecimal> factors) implements Rule {}

    /** The fee for a lost ticket: added to the parking charge, or charged instead of it when greater. */
    record LostTicketFee(String id, int priority, BigDecimal amount, Mode mode) implements Rule {

        /** How the fee combines with the parking charge. */
        enum Mode {
            ADD,
            GREATER_OF
        }
    }

    /** Which days a {@link DailyCap} counts. */
    enum CapWindow {
        ROLLING_24H,
        CALENDAR_DAY
    }
}
