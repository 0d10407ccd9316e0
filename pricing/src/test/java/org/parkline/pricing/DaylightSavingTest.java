package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.LONDON;
import static org.parkline.pricing.Fixtures.NEW_YORK;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Clock changes: Europe/London 2026-03-29 01:00→02:00 and 2026-10-25 02:00→01:00; America/New_York
 * 2026-03-08 02:00→03:00 and 2026-11-01 02:00→01:00. Time is priced by real elapsed time.
 */
class DaylightSavingTest {

    private static final RuleSet DAY_AND_NIGHT = rules(
            """
            {"currency":"GBP","rules":[{"id":"bands","kind":"TIME_BANDS","bands":[
              {"from":"07:00","to":"19:00","rate":"2.00"},
              {"from":"19:00","to":"07:00","rate":"1.00"}]}]}""");

    @Test
    void theSpringForwardNightHasOneHourLessToPay() {
        Stay stay = stay("2026-03-28T22:00", "2026-03-29T06:00", LONDON);
        assertThat(Duration.between(stay.entryAt(), stay.exitAt())).hasHours(7);
        assertThat(total(DAY_AND_NIGHT, stay)).isEqualTo(money("7.00"));
    }

    @Test
    void theFallBackNightHasOneHourMoreToPay() {
        assertThat(total(DAY_AND_NIGHT, stay("2026-10-24T22:00", "2026-10-25T06:00", LONDON)))
                .isEqualTo(money("9.00"));
    }

    @Test
    void aCalendarDayIsTwentyThreeOrTwentyFiveHoursLong() {
        RuleSet hourly = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"100.00","window":"CALENDAR_DAY"}]}""");
        assertThat(total(hourly, stay("2026-03-29T00:00", "2026-03-30T00:00", LONDON)))
                .isEqualTo(money("46.00"));
        assertThat(total(hourly, stay("2026-10-25T00:00", "2026-10-26T00:00", LONDON)))
                .isEqualTo(money("50.00"));
    }

    @Test
    void aCalendarDayCapHoldsOnTheLongDay() {
        RuleSet hourly = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"30.00","window":"CALENDAR_DAY"}]}""");
        assertThat(total(hourly, stay("2026-10-25T00:00", "2026-10-26T00:00", LONDON)))
                .isEqualTo(money("30.00"));
    }

    @Test
    void rollingDaysAreTwentyFourRealHours() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"20.00"}]}""");
        // 12:00 GMT to 13:00 BST is exactly 24 real hours: one window
        assertThat(total(rules, stay("2026-03-28T12:00", "2026-03-29T13:00", LONDON)))
                .isEqualTo(money("20.00"));
        assertThat(total(rules, stay("2026-03-28T12:00", "2026-03-29T13:01", LONDON)))
                .isEqualTo(money("22.00"));
    }

    @Test
    void aBandEdgeInsideTheSpringForwardGapTakesEffectWhenTheClockJumps() {
        RuleSet rules = rules(
                """
                {"currency":"USD","rules":[{"id":"bands","kind":"TIME_BANDS","bands":[
                  {"from":"00:00","to":"02:30","rate":"1.00","blockMinutes":30},
                  {"from":"02:30","to":"24:00","rate":"2.00","blockMinutes":30}]}]}""");
        // 00:00–02:00 EST: 4 blocks at 1.00; the clock jumps to 03:00 EDT, past 02:30: 03:00–04:00 is 2 blocks at 2.00
        assertThat(total(rules, stay("2026-03-08T00:00", "2026-03-08T04:00", NEW_YORK)))
                .isEqualTo(money("8.00"));
    }

    @Test
    void aBandEdgeInsideTheFallBackOverlapIsCrossedTwice() {
        RuleSet rules = rules(
                """
                {"currency":"USD","rules":[{"id":"bands","kind":"TIME_BANDS","bands":[
                  {"from":"00:00","to":"01:30","rate":"1.00","blockMinutes":30},
                  {"from":"01:30","to":"24:00","rate":"2.00","blockMinutes":30}]}]}""");
        // 00:00–01:30 EDT: 3 × 1.00; 01:30–02:00 EDT: 1 × 2.00; clock back to 01:00 EST: 01:00–01:30 EST 1 × 1.00;
        // 01:30–03:00 EST: 3 × 2.00. Total 3 + 2 + 1 + 6 = 12.00 over 4 real hours.
        assertThat(total(rules, stay("2026-11-01T00:00", "2026-11-01T03:00", NEW_YORK)))
                .isEqualTo(money("12.00"));
    }

    @Test
    void anOvernightFlatStillAppliesOnTheLongNight() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"overnight","kind":"OVERNIGHT_FLAT","entryAfter":"18:00","exitBefore":"08:00","amount":"6.00"}]}""");
        assertThat(total(rules, stay("2026-10-24T19:00", "2026-10-25T07:30", LONDON)))
                .isEqualTo(money("6.00"));
    }
}
