package org.parkline.pricing;

/** What kind of day a calendar date is for pricing: holidays come from the rule set's own calendar. */
enum DayType {
    WEEKDAY,
    WEEKEND,
    HOLIDAY
}
