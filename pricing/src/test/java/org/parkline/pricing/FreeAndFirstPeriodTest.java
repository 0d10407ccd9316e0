package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import org.junit.jupiter.api.Test;

/** FREE_MINUTES and FIRST_PERIOD. */
class FreeAndFirstPeriodTest {

    private static final RuleSet FREE_15 = rules(
            """
            {"currency":"GBP","rules":[
              {"id":"free_15","kind":"FREE_MINUTES","minutes":15},
              {"id":"hourly","kind":"HOURLY","rate":"2.00"}]}""");

    @Test
    void stayWithinFreeMinutesIsFree() {
        Quote quote = quote(FREE_15, stay("2026-03-02T09:00", "2026-03-02T09:14"));
        assertThat(quote.total()).isEqualTo(money("0.00"));
        assertThat(quote.breakdown()).extracting(QuoteLine::rule).containsExactly("free_15");
    }

    @Test
    void stayOfExactlyTheFreeMinutesIsFree() {
        assertThat(total(FREE_15, stay("2026-03-02T09:00", "2026-03-02T09:15"))).isEqualTo(money("0.00"));
    }

    @Test
    void stayPastTheFreeMinutesPaysFromEntry() {
        assertThat(total(FREE_15, stay("2026-03-02T09:00", "2026-03-02T09:16"))).isEqualTo(money("2.00"));
        assertThat(total(FREE_15, stay("2026-03-02T09:00", "2026-03-02T10:01"))).isEqualTo(money("4.00"));
    }

    @Test
    void deductedFreeMinutesAreFreeOnEveryStay() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"first_30_free","kind":"FREE_MINUTES","minutes":30,"deducted":true},
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"}]}""");
        // charging starts at 09:30: one started hour to 10:30
        assertThat(total(rules, stay("2026-03-02T09:00", "2026-03-02T10:30"))).isEqualTo(money("2.00"));
    }

    private static final RuleSet FIRST_TWO_HOURS = rules(
            """
            {"currency":"GBP","rules":[
              {"id":"first_2h","kind":"FIRST_PERIOD","minutes":120,"amount":"5.00"},
              {"id":"then_hourly","kind":"HOURLY","rate":"2.00"}]}""");

    @Test
    void firstPeriodIsAFlatPriceEvenWhenShorter() {
        assertThat(total(FIRST_TWO_HOURS, stay("2026-03-02T09:00", "2026-03-02T09:20")))
                .isEqualTo(money("5.00"));
        assertThat(total(FIRST_TWO_HOURS, stay("2026-03-02T09:00", "2026-03-02T11:00")))
                .isEqualTo(money("5.00"));
    }

    @Test
    void afterTheFirstPeriodEveryStartedHourIsCharged() {
        assertThat(total(FIRST_TWO_HOURS, stay("2026-03-02T09:00", "2026-03-02T11:01")))
                .isEqualTo(money("7.00"));
        // 5.00 + 11:00–13:30 = 3 started hours
        assertThat(total(FIRST_TWO_HOURS, stay("2026-03-02T09:00", "2026-03-02T13:30")))
                .isEqualTo(money("11.00"));
    }
}
