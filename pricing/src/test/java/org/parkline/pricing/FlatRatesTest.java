package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import org.junit.jupiter.api.Test;

/** OVERNIGHT_FLAT and ENTRY_WINDOW_FLAT (early bird). 2026-03-02 is a Monday. */
class FlatRatesTest {

    private static final RuleSet OVERNIGHT = rules(
            """
            {"currency":"GBP","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"2.00"},
              {"id":"overnight","kind":"OVERNIGHT_FLAT","entryAfter":"18:00","exitBefore":"08:00","amount":"6.00"}]}""");

    @Test
    void overnightFlatAppliesWhenEnteringAfterAndLeavingBefore() {
        // 19:00–07:30 = 13 started hours = 26.00, flat 6.00
        Quote quote = quote(OVERNIGHT, stay("2026-03-02T19:00", "2026-03-03T07:30"));
        assertThat(quote.total()).isEqualTo(money("6.00"));
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hourly", money("26.00")),
                        org.assertj.core.groups.Tuple.tuple("overnight", money("-20.00")));
    }

    @Test
    void enteringAfterMidnightStillCountsAsTheSameNight() {
        assertThat(total(OVERNIGHT, stay("2026-03-03T01:00", "2026-03-03T07:59")))
                .isEqualTo(money("6.00"));
    }

    @Test
    void leavingAfterTheExitTimeLosesTheFlat() {
        // 19:00–08:30 = 14 started hours
        assertThat(total(OVERNIGHT, stay("2026-03-02T19:00", "2026-03-03T08:30")))
                .isEqualTo(money("28.00"));
    }

    @Test
    void aFlatNeverRaisesTheCharge() {
        assertThat(total(OVERNIGHT, stay("2026-03-02T19:00", "2026-03-02T20:00")))
                .isEqualTo(money("2.00"));
    }

    private static final RuleSet EARLY_BIRD = rules(
            """
            {"currency":"USD","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"4.00"},
              {"id":"early_bird","kind":"ENTRY_WINDOW_FLAT","days":["WEEKDAY"],
               "entryFrom":"06:00","entryTo":"09:30","exitBefore":"19:00","amount":"15.00"}]}""");

    @Test
    void earlyBirdAppliesToWeekdayEntriesInTheWindow() {
        assertThat(total(EARLY_BIRD, stay("2026-03-02T08:00", "2026-03-02T18:00", Fixtures.NEW_YORK)))
                .isEqualTo(money("15.00"));
    }

    @Test
    void earlyBirdNeedsEntryInsideTheWindow() {
        // 09:45–18:00 = 9 started hours
        assertThat(total(EARLY_BIRD, stay("2026-03-02T09:45", "2026-03-02T18:00", Fixtures.NEW_YORK)))
                .isEqualTo(money("36.00"));
    }

    @Test
    void earlyBirdDoesNotApplyOnSaturday() {
        assertThat(total(EARLY_BIRD, stay("2026-03-07T08:00", "2026-03-07T18:00", Fixtures.NEW_YORK)))
                .isEqualTo(money("40.00"));
    }

    @Test
    void theCheapestQualifyingFlatWins() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"evening","kind":"OVERNIGHT_FLAT","entryAfter":"17:00","exitBefore":"08:00","amount":"8.00"},
                  {"id":"late","kind":"OVERNIGHT_FLAT","entryAfter":"21:00","exitBefore":"08:00","amount":"5.00"}]}""");
        assertThat(total(rules, stay("2026-03-02T22:00", "2026-03-03T07:00"))).isEqualTo(money("5.00"));
        assertThat(total(rules, stay("2026-03-02T18:00", "2026-03-03T07:00"))).isEqualTo(money("8.00"));
    }
}
