package org.parkline.pricing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Modelled on a London borough car park: charged Monday–Saturday (so only Sunday is "weekend"),
 * GBP 1.60 an hour 08:00–18:30, 0.80 an hour in the evening with an evening maximum of 2.00 up to
 * 08:00, free overnight, on Sundays and bank holidays; motorcycles free; stays over 24 h flagged.
 */
class LondonCouncilTariffTest {

    static final RuleSet RULES = RuleSet.parse(
            "ldn-council-1",
            """
            {"currency":"GBP","weekendDays":["SUNDAY"],
             "holidays":["2026-04-03","2026-04-06","2026-05-04","2026-05-25","2026-08-31","2026-12-25","2026-12-28"],
             "rules":[
              {"id":"mon_sat","kind":"TIME_BANDS","days":["WEEKDAY"],"bands":[
                {"from":"00:00","to":"08:00","rate":"0.00"},
                {"from":"08:00","to":"18:30","rate":"1.60"},
                {"from":"18:30","to":"24:00","rate":"0.80"}]},
              {"id":"sundays_and_bank_holidays","kind":"HOURLY","days":["WEEKEND","HOLIDAY"],"rate":"0.00"},
              {"id":"evening_max","kind":"PERIOD_CAP","days":["WEEKDAY"],"from":"18:30","to":"08:00","amount":"2.00"},
              {"id":"motorcycles_free","kind":"VEHICLE_MULTIPLIER","factors":{"MOTORBIKE":"0"}},
              {"id":"max_24h","kind":"MAX_STAY","minutes":1440}]}""");

    @ParameterizedTest(name = "{0} → {1} {2} = {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # Monday 1 h 30 by day: 2 started hours × 1.60
            2026-03-02T09:00 | 2026-03-02T10:30 | - | 3.20
            # 17:45–18:30 one day hour (1.60) + 18:30–19:10 one evening hour (0.80)
            2026-03-02T17:45 | 2026-03-02T19:10 | - | 2.40
            # 5 evening hours = 4.00, evening maximum 2.00
            2026-03-02T18:30 | 2026-03-02T23:30 | - | 2.00
            # Sunday is free
            2026-03-08T10:00 | 2026-03-08T16:00 | - | 0.00
            # Good Friday (bank holiday) is free
            2026-04-03T10:00 | 2026-04-03T12:00 | - | 0.00
            # Saturday is charged like a weekday
            2026-03-07T10:00 | 2026-03-07T11:00 | - | 1.60
            # 07:00–08:00 free band, then one day hour
            2026-03-02T07:00 | 2026-03-02T09:00 | - | 1.60
            # motorcycles ×0
            2026-03-02T10:00 | 2026-03-02T12:00 | MOTORBIKE | 0.00
            # Saturday 17:00–18:30 (2 h = 3.20), evening 6 h = 4.80 capped to 2.00, Sunday morning free
            2026-03-07T17:00 | 2026-03-08T11:00 | - | 5.20
            # 25 h: day 10 h (16.00) + evening capped (2.00) + free night + Tuesday 2 h (3.20); over 24 h is flagged at 0.00
            2026-03-02T09:00 | 2026-03-03T10:00 | - | 21.20
            """)
    void feesMatchTheWorkedExamples(String entry, String exit, String flag, String expected) {
        TariffTable.check(RULES, Fixtures.LONDON, entry, exit, flag, expected);
    }
}
