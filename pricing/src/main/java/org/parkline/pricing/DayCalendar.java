package org.parkline.pricing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Tells the day type of a date: a listed holiday first, then the weekend days, else a weekday. */
record DayCalendar(Set<LocalDate> holidays, Set<DayOfWeek> weekendDays) {

    static final Set<DayOfWeek> SATURDAY_SUNDAY = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    DayCalendar {
        holidays = Set.copyOf(holidays);
        weekendDays = Set.copyOf(weekendDays);
    }

    DayType typeOf(LocalDate date) {
        if (holidays.contains(date)) {
            return DayType.HOLIDAY;
        }
        return weekendDays.contains(date.getDayOfWeek()) ? DayType.WEEKEND : DayType.WEEKDAY;
    }

    /** Whether a day filter (empty means every day) admits a date. */
    boolean admits(Set<DayType> days, LocalDate date) {
        return days.isEmpty() || days.contains(typeOf(date));
    }
}
