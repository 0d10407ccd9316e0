package org.parkline.pricing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Modelled on a Japanese coin-parking sign: 08:00–20:00 ¥200 per 20 minutes, 20:00–08:00 ¥100 per
 * 60 minutes, night maximum ¥400 (20:00–08:00), ¥1,200 maximum per 24 hours after entry.
 */
class TokyoCoinParkingTariffTest {

    static final RuleSet RULES = RuleSet.parse(
            "jp-coin-1",
            """
            {"currency":"JPY","rules":[
              {"id":"day_night","kind":"TIME_BANDS","bands":[
                {"from":"08:00","to":"20:00","rate":"200","blockMinutes":20},
                {"from":"20:00","to":"08:00","rate":"100","blockMinutes":60}]},
              {"id":"night_max","kind":"PERIOD_CAP","from":"20:00","to":"08:00","amount":"400"},
              {"id":"max_24h","kind":"DAILY_CAP","amount":"1200"}]}""");

    @ParameterizedTest(name = "{0} → {1} = ¥{3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # 15 minutes: one 20-minute unit
            2026-03-02T10:00 | 2026-03-02T10:15 | - | 200
            # exactly 20 minutes: one unit
            2026-03-02T10:00 | 2026-03-02T10:20 | - | 200
            # 61 minutes: 4 units
            2026-03-02T10:00 | 2026-03-02T11:01 | - | 800
            # 19:30–20:00 day (2 units, 400) + 20:00–21:30 night (2 hours, 200)
            2026-03-02T19:30 | 2026-03-02T21:30 | - | 600
            # 7 hours by day: 21 units = 4,200, 24-hour maximum 1,200
            2026-03-02T10:00 | 2026-03-02T17:00 | - | 1200
            # 10 night hours = 1,000, night maximum 400
            2026-03-02T21:00 | 2026-03-03T07:00 | - | 400
            # 18:00–20:00 = 1,200; night 1,200 → 400; 08:00–10:00 = 1,200; one 24 h window → 1,200
            2026-03-02T18:00 | 2026-03-03T10:00 | - | 1200
            # 26 h: first 24 h window capped at 1,200; 10:00–12:00 next day = 6 units, 1,200
            2026-03-02T10:00 | 2026-03-03T12:00 | - | 2400
            # 07:50–08:00 one night hour (100) + 08:00–08:10 one day unit (200)
            2026-03-02T07:50 | 2026-03-02T08:10 | - | 300
            """)
    void feesMatchTheWorkedExamples(String entry, String exit, String flag, String expected) {
        TariffTable.check(RULES, Fixtures.TOKYO, entry, exit, flag, expected);
    }
}
