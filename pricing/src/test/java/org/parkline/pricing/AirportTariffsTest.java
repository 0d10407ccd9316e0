package org.parkline.pricing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Modelled on a UK airport's price list. Long stay: GBP 16 per 24 hours, EV charging 10 per stay,
 * lost ticket 25 on top of the charge from the (camera-read) entry time, stays over 30 days flagged.
 * Short stay: 4.00 per 15 minutes, 60 per 24 hours, lost ticket 120 or the charge if more.
 */
class AirportTariffsTest {

    static final RuleSet LONG_STAY = RuleSet.parse(
            "airport-long-1",
            """
            {"currency":"GBP","rules":[
              {"id":"per_day","kind":"BLOCK","minutes":1440,"rate":"16.00"},
              {"id":"ev_charging","kind":"EV_SURCHARGE","amount":"10.00"},
              {"id":"lost_ticket","kind":"LOST_TICKET","amount":"25.00","mode":"ADD"},
              {"id":"max_30_days","kind":"MAX_STAY","minutes":43200},
              {"id":"grace","kind":"GRACE_PERIOD","minutes":20}]}""");

    static final RuleSet SHORT_STAY = RuleSet.parse(
            "airport-short-1",
            """
            {"currency":"GBP","rules":[
              {"id":"per_15_min","kind":"BLOCK","minutes":15,"rate":"4.00"},
              {"id":"daily_max","kind":"DAILY_CAP","amount":"60.00"},
              {"id":"lost_ticket","kind":"LOST_TICKET","amount":"120.00","mode":"GREATER_OF"}]}""");

    @ParameterizedTest(name = "long stay {0} → {1} {2} = {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # one hour: one started day
            2026-03-02T10:00 | 2026-03-02T11:00 | - | 16.00
            # exactly 24 h: one day
            2026-03-02T10:00 | 2026-03-03T10:00 | - | 16.00
            # 24 h 01: two days
            2026-03-02T10:00 | 2026-03-03T10:01 | - | 32.00
            # 7 days 3 h: 8 started days
            2026-03-02T10:00 | 2026-03-09T13:00 | - | 128.00
            # lost ticket, 2 days 1 h: 3 × 16 + 25
            2026-03-02T10:00 | 2026-03-04T11:00 | LOST | 73.00
            # EV charging, 3 days: 48 + 10
            2026-03-02T10:00 | 2026-03-05T10:00 | EV | 58.00
            # 2 Mar → 2 Apr is 743 real hours (the clocks go forward on 29 Mar): 31 started days; flagged over 30 days
            2026-03-02T10:00 | 2026-04-02T10:00 | - | 496.00
            # across the spring-forward night 12:00 → 12:30 is 23.5 real hours: one day
            2026-03-28T12:00 | 2026-03-29T12:30 | - | 16.00
            """)
    void longStayFeesMatchTheWorkedExamples(String entry, String exit, String flag, String expected) {
        TariffTable.check(LONG_STAY, Fixtures.LONDON, entry, exit, flag, expected);
    }

    @ParameterizedTest(name = "short stay {0} → {1} {2} = {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # 10 minutes: one 15-minute unit
            2026-03-02T10:00 | 2026-03-02T10:10 | - | 4.00
            # one hour: 4 units
            2026-03-02T10:00 | 2026-03-02T11:00 | - | 16.00
            # 1 h 01: 5 units
            2026-03-02T10:00 | 2026-03-02T11:01 | - | 20.00
            # 3 h 50: 16 units = 64, daily max 60
            2026-03-02T10:00 | 2026-03-02T13:50 | - | 60.00
            # 25 h: 60 for the first 24 h + the 25th hour's 4 units (16)
            2026-03-02T10:00 | 2026-03-03T11:00 | - | 76.00
            # lost ticket after an hour: the greater of 120 and 16
            2026-03-02T10:00 | 2026-03-02T11:00 | LOST | 120.00
            # lost ticket after 3 days: the charge (180) is greater than 120
            2026-03-02T10:00 | 2026-03-05T10:00 | LOST | 180.00
            """)
    void shortStayFeesMatchTheWorkedExamples(String entry, String exit, String flag, String expected) {
        TariffTable.check(SHORT_STAY, Fixtures.LONDON, entry, exit, flag, expected);
    }
}
