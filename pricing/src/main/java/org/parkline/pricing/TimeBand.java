package org.parkline.pricing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily band of local wall-clock time, {@code [from, to)} in minutes of the day (0..1440). A band
 * whose end is not after its start wraps past midnight (19:00–07:00); 00:00–24:00 is the whole day.
 */
record TimeBand(int fromMinute, int toMinute) {

    static final TimeBand WHOLE_DAY = new TimeBand(0, 1440);

    boolean wraps() {
        return toMinute <= fromMinute;
    }

    /** Whether a local time, given as seconds since midnight, falls in the band. */
    boolean contains(int secondOfDay) {
        int from = fromMinute * 60;
        int to = toMinute * 60;
        return wraps() ? secondOfDay >= from || secondOfDay < to : secondOfDay >= from && secondOfDay < to;
    }

    /** Whether a minute of the day falls in the band. */
    boolean containsMinute(int minute) {
        return contains(minute * 60);
    }

    /** The date on which the occurrence of the band that contains this local time started. */
    LocalDate occurrenceDate(ZonedDateTime local) {
        boolean inMorningTail = wraps() && local.toLocalTime().toSecondOfDay() < toMinute * 60;
        return inMorningTail ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** Where the occurrence that started on {@code date} begins. */
    ZonedDateTime start(LocalDate date, ZoneId zone) {
        return at(date, fromMinute, zone);
    }

    /** Where the occurrence that started on {@code date} ends. */
    ZonedDateTime end(LocalDate date, ZoneId zone) {
        return at(wraps() ? date.plusDays(1) : date, toMinute, zone);
    }

    static ZonedDateTime at(LocalDate date, int minuteOfDay, ZoneId zone) {
        if (minuteOfDay >= 1440) {
            return date.plusDays(1).atStartOfDay(zone);
        }
        return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minuteOfDay * 60L), zone);
    }

    static String format(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }

    @Override
    public String toString() {
        return format(fromMinute) + "–" + format(toMinute);
    }
}
