package org.parkline.pricing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Modelled on a US downtown garage price board: first hour USD 12, each additional hour 6, 24-hour
 * maximum 38; early bird 18 (in 06:00–09:00 on weekdays, out by 19:00); evening 15 (in after 17:00,
 * out by 06:00); oversize vehicles +50 %; lost ticket 60 or the parking charge if more.
 */
class DowntownGarageTariffTest {

    static final RuleSet RULES = RuleSet.parse(
            "us-garage-1",
            """
            {"currency":"USD","rules":[
              {"id":"first_hour","kind":"FIRST_PERIOD","minutes":60,"amount":"12.00"},
              {"id":"each_additional_hour","kind":"HOURLY","rate":"6.00"},
              {"id":"daily_max","kind":"DAILY_CAP","amount":"38.00"},
              {"id":"early_bird","kind":"ENTRY_WINDOW_FLAT","days":["WEEKDAY"],
               "entryFrom":"06:00","entryTo":"09:00","exitBefore":"19:00","amount":"18.00"},
              {"id":"evening","kind":"OVERNIGHT_FLAT","entryAfter":"17:00","exitBefore":"06:00","amount":"15.00"},
              {"id":"oversize","kind":"VEHICLE_MULTIPLIER","factors":{"TRUCK":"1.5"}},
              {"id":"lost_ticket","kind":"LOST_TICKET","amount":"60.00","mode":"GREATER_OF"}]}""");

    @ParameterizedTest(name = "{0} → {1} {2} = {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # 45 minutes: first hour
            2026-03-02T10:00 | 2026-03-02T10:45 | - | 12.00
            # 2 h 30: 12 + 2 started additional hours × 6
            2026-03-02T10:00 | 2026-03-02T12:30 | - | 24.00
            # 6 h: 12 + 5 × 6 = 42, daily max 38
            2026-03-02T10:00 | 2026-03-02T16:00 | - | 38.00
            # early bird: in 07:30 Monday, out 18:00 → 18 (instead of 38)
            2026-03-02T07:30 | 2026-03-02T18:00 | - | 18.00
            # out after 19:00 loses the early bird
            2026-03-02T07:30 | 2026-03-02T19:30 | - | 38.00
            # no early bird on Saturday
            2026-03-07T07:30 | 2026-03-07T18:00 | - | 38.00
            # evening: 12 + 4 × 6 = 36 → 15
            2026-03-02T18:00 | 2026-03-02T23:00 | - | 15.00
            # evening overnight, out before 06:00: 12 + 11 × 6 = 78, max 38, evening flat 15
            2026-03-02T18:00 | 2026-03-03T05:30 | - | 15.00
            # the evening flat never raises a short stay
            2026-03-02T19:00 | 2026-03-02T19:45 | - | 12.00
            # oversize: 24 × 1.5
            2026-03-02T10:00 | 2026-03-02T12:30 | TRUCK | 36.00
            # oversize early bird: 18 × 1.5
            2026-03-02T07:30 | 2026-03-02T18:00 | TRUCK | 27.00
            # lost ticket: the greater of 60 and 12
            2026-03-02T10:00 | 2026-03-02T10:45 | LOST | 60.00
            # 49 h: 24 h windows from 10:00: 150 → 38, 144 → 38, then 1 hour 6
            2026-03-02T10:00 | 2026-03-04T11:00 | - | 82.00
            """)
    void feesMatchTheWorkedExamples(String entry, String exit, String flag, String expected) {
        TariffTable.check(RULES, Fixtures.NEW_YORK, entry, exit, flag, expected);
    }
}
