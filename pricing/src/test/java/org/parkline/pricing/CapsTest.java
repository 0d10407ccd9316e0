package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import org.junit.jupiter.api.Test;

/** DAILY_CAP (rolling and calendar) and PERIOD_CAP. */
class CapsTest {

    private static final RuleSet ROLLING = rules(
            """
            {"currency":"GBP","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"3.00"},
              {"id":"cap","kind":"DAILY_CAP","amount":"20.00"}]}""");

    @Test
    void dailyCapHoldsOverThreeDays() {
        assertThat(total(ROLLING, stay("2026-03-02T15:00", "2026-03-05T15:00"))).isEqualTo(money("60.00"));
    }

    @Test
    void aStartedFourthDayIsChargedUpToItsOwnCap() {
        // 3 × 20.00 + one started hour of the fourth 24 h window
        assertThat(total(ROLLING, stay("2026-03-02T15:00", "2026-03-05T15:01"))).isEqualTo(money("63.00"));
    }

    @Test
    void capLinesShowWhatWasTakenOffPerWindow() {
        Quote quote = quote(ROLLING, stay("2026-03-02T15:00", "2026-03-03T15:00"));
        // 24 hours × 3.00 = 72.00, capped to 20.00
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hourly", money("72.00")),
                        org.assertj.core.groups.Tuple.tuple("cap", money("-52.00")));
    }

    @Test
    void calendarDayCapResetsAtLocalMidnight() {
        RuleSet calendar = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"10.00","window":"CALENDAR_DAY"}]}""");
        RuleSet rolling = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"10.00"}]}""");
        // Monday 20:00–24:00 = 8.00; Tuesday 00:00–10:00 = 20.00, capped to 10.00
        assertThat(total(calendar, stay("2026-03-02T20:00", "2026-03-03T10:00")))
                .isEqualTo(money("18.00"));
        // one rolling window 20:00–20:00: 28.00 capped to 10.00
        assertThat(total(rolling, stay("2026-03-02T20:00", "2026-03-03T10:00"))).isEqualTo(money("10.00"));
    }

    @Test
    void nightCapLimitsTheNightOnly() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"night_cap","kind":"PERIOD_CAP","from":"22:00","to":"07:00","amount":"5.00"}]}""");
        // 20:00–22:00 = 4.00; 22:00–07:00 = 18.00 capped to 5.00; 07:00–09:00 = 4.00
        assertThat(total(rules, stay("2026-03-02T20:00", "2026-03-03T09:00"))).isEqualTo(money("13.00"));
    }

    @Test
    void dailyCapSeesWhatTheNightCapAlreadyTookOff() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"night_cap","kind":"PERIOD_CAP","from":"22:00","to":"07:00","amount":"5.00"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"12.00"}]}""");
        // 13.00 after the night cap, then capped to 12.00 for the one 24 h window
        Quote quote = quote(rules, stay("2026-03-02T20:00", "2026-03-03T09:00"));
        assertThat(quote.total()).isEqualTo(money("12.00"));
        assertThat(quote.breakdown()).extracting(QuoteLine::rule).containsExactly("hourly", "night_cap", "cap");
    }
}
