package org.parkline.pricing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Modelled on Singapore HDB/URA short-term parking: SGD 0.60 per half-hour, a 10-minute grace on
 * entry, and night parking (22:30–07:00) capped at SGD 5.00 a night.
 */
class SingaporeHdbTariffTest {

    static final RuleSet RULES = RuleSet.parse(
            "sg-hdb-1",
            """
            {"currency":"SGD","rules":[
              {"id":"entry_grace","kind":"FREE_MINUTES","minutes":10},
              {"id":"per_half_hour","kind":"BLOCK","minutes":30,"rate":"0.60"},
              {"id":"night_parking_cap","kind":"PERIOD_CAP","from":"22:30","to":"07:00","amount":"5.00"}]}""");

    @ParameterizedTest(name = "{0} → {1} {2} = {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # 8 minutes: inside the 10 free minutes
            2026-03-02T09:00 | 2026-03-02T09:08 | - | 0.00
            # exactly 10 minutes is still free
            2026-03-02T09:00 | 2026-03-02T09:10 | - | 0.00
            # 11 minutes: charged from entry, 1 half-hour
            2026-03-02T09:00 | 2026-03-02T09:11 | - | 0.60
            # 2 h 15: 5 started half-hours × 0.60
            2026-03-02T09:00 | 2026-03-02T11:15 | - | 3.00
            # 21:00–08:00: 22 half-hours; the 17 starting 22:30…06:30 (10.20) capped to 5.00; 5 others = 3.00
            2026-03-02T21:00 | 2026-03-03T08:00 | - | 8.00
            # 23:00–06:00: 14 night half-hours = 8.40, capped to 5.00
            2026-03-02T23:00 | 2026-03-03T06:00 | - | 5.00
            # 22:00 block is evening (0.60), 22:30 block is night (0.60)
            2026-03-02T22:00 | 2026-03-02T23:00 | - | 1.20
            # two nights: 70 half-hours, 34 in the two nights (2 × 5.00), 36 by day (21.60)
            2026-03-02T21:00 | 2026-03-04T08:00 | - | 31.60
            """)
    void feesMatchTheWorkedExamples(String entry, String exit, String flag, String expected) {
        TariffTable.check(RULES, Fixtures.SINGAPORE, entry, exit, flag, expected);
    }
}
