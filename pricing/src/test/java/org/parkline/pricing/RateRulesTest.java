package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import org.junit.jupiter.api.Test;

/** HOURLY, BLOCK and TIME_BANDS, with day types and priorities. 2026-03-02 is a Monday. */
class RateRulesTest {

    private static final RuleSet HOURLY =
            rules("""
            {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"}]}""");

    private static final RuleSet DAY_AND_NIGHT = rules(
            """
            {"currency":"GBP","rules":[{"id":"bands","kind":"TIME_BANDS","bands":[
              {"from":"07:00","to":"19:00","rate":"2.00"},
              {"from":"19:00","to":"07:00","rate":"1.00","blockMinutes":120}]}]}""");

    @Test
    void hourlyChargesEveryStartedHour() {
        assertThat(total(HOURLY, stay("2026-03-02T09:00", "2026-03-02T10:01"))).isEqualTo(money("4.00"));
    }

    @Test
    void anExactHourIsOneHour() {
        assertThat(total(HOURLY, stay("2026-03-02T09:00", "2026-03-02T10:00"))).isEqualTo(money("2.00"));
    }

    @Test
    void aZeroLengthStayCostsNothing() {
        assertThat(total(HOURLY, stay("2026-03-02T09:00", "2026-03-02T09:00"))).isEqualTo(money("0.00"));
    }

    @Test
    void blockChargesEveryStartedBlock() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[{"id":"per_20","kind":"BLOCK","minutes":20,"rate":"1.00"}]}""");
        // 41 minutes = 3 started 20-minute blocks
        assertThat(total(rules, stay("2026-03-02T09:00", "2026-03-02T09:41"))).isEqualTo(money("3.00"));
    }

    @Test
    void eachBandPricesTheTimeSpentInIt() {
        // 18:30–19:00 in the day band: 1 started hour = 2.00; 19:00–20:30 at night: 1 started 2-hour block = 1.00
        Quote quote = quote(DAY_AND_NIGHT, stay("2026-03-02T18:30", "2026-03-02T20:30"));
        assertThat(quote.total()).isEqualTo(money("3.00"));
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bands", money("2.00")),
                        org.assertj.core.groups.Tuple.tuple("bands", money("1.00")));
    }

    @Test
    void aBandThatWrapsMidnightKeepsCountingBlocksAcrossIt() {
        // 23:00–01:00 is one 2-hour night block, not two part-blocks split at midnight
        assertThat(total(DAY_AND_NIGHT, stay("2026-03-02T23:00", "2026-03-03T01:00")))
                .isEqualTo(money("1.00"));
    }

    @Test
    void weekendRateAppliesOnSaturday() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"weekday","kind":"HOURLY","days":["WEEKDAY"],"rate":"2.00"},
                  {"id":"weekend","kind":"HOURLY","days":["WEEKEND"],"rate":"1.00"}]}""");
        assertThat(total(rules, stay("2026-03-07T10:00", "2026-03-07T12:00"))).isEqualTo(money("2.00"));
        assertThat(total(rules, stay("2026-03-06T10:00", "2026-03-06T12:00"))).isEqualTo(money("4.00"));
    }

    @Test
    void dayTypeChangesAtLocalMidnight() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"weekday","kind":"HOURLY","days":["WEEKDAY"],"rate":"2.00"},
                  {"id":"weekend","kind":"HOURLY","days":["WEEKEND"],"rate":"1.00"}]}""");
        // Friday 23:00–24:00 at 2.00, Saturday 00:00–01:00 at 1.00
        assertThat(total(rules, stay("2026-03-06T23:00", "2026-03-07T01:00"))).isEqualTo(money("3.00"));
    }

    @Test
    void aHolidayFromTheCalendarTakesTheHolidayRate() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","holidays":["2026-03-04"],"rules":[
                  {"id":"holiday","kind":"HOURLY","days":["HOLIDAY"],"rate":"0.50","priority":-1},
                  {"id":"standard","kind":"HOURLY","rate":"2.00"}]}""");
        assertThat(total(rules, stay("2026-03-04T10:00", "2026-03-04T12:00"))).isEqualTo(money("1.00"));
        assertThat(total(rules, stay("2026-03-05T10:00", "2026-03-05T12:00"))).isEqualTo(money("4.00"));
    }

    @Test
    void theLowerPriorityNumberClaimsAnOverlappingMinute() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"all_day","kind":"HOURLY","rate":"2.00","priority":5},
                  {"id":"lunch","kind":"HOURLY","from":"12:00","to":"14:00","rate":"0.00","priority":1}]}""");
        // 11:00–12:00 all_day 2.00, 12:00–14:00 lunch free, 14:00–15:00 all_day 2.00
        assertThat(total(rules, stay("2026-03-02T11:00", "2026-03-02T15:00"))).isEqualTo(money("4.00"));
    }

    @Test
    void equalPrioritiesKeepDocumentOrder() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"lunch","kind":"HOURLY","from":"12:00","to":"14:00","rate":"0.00"},
                  {"id":"all_day","kind":"HOURLY","rate":"2.00"}]}""");
        assertThat(total(rules, stay("2026-03-02T12:00", "2026-03-02T14:00"))).isEqualTo(money("0.00"));
    }

    @Test
    void breakdownLinesSumToTheTotal() {
        Quote quote = quote(DAY_AND_NIGHT, stay("2026-03-02T05:10", "2026-03-04T22:40"));
        assertThat(quote.breakdown().stream().map(QuoteLine::amount).reduce(money("0.00"), java.math.BigDecimal::add))
                .isEqualTo(quote.total());
        assertThat(quote.ruleSetVersion()).isEqualTo("test-1");
    }
}
