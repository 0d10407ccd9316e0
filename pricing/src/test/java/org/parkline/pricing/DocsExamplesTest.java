package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.codes;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/pricing.md §8, so the operator guide cannot drift from the engine. */
class DocsExamplesTest {

    private static final RuleSet BANDS_WITH_CAP = RuleSet.parse(
            "doc-8.1",
            """
            {"currency":"GBP","rules":[
              {"id":"bands","kind":"TIME_BANDS","bands":[
                {"from":"07:00","to":"19:00","rate":"2.00"},
                {"from":"19:00","to":"07:00","rate":"1.00","blockMinutes":120}]},
              {"id":"cap","kind":"DAILY_CAP","amount":"15.00","window":"CALENDAR_DAY"}]}""");

    private static final RuleSet COIN_PARKING = RuleSet.parse(
            "doc-8.3",
            """
            {"currency":"JPY","rules":[
              {"id":"day_night","kind":"TIME_BANDS","bands":[
                {"from":"08:00","to":"20:00","rate":"200","blockMinutes":20},
                {"from":"20:00","to":"08:00","rate":"100","blockMinutes":60}]},
              {"id":"night_max","kind":"PERIOD_CAP","from":"20:00","to":"08:00","amount":"400"},
              {"id":"max_24h","kind":"DAILY_CAP","amount":"1200"}],
             "promotions":[{"code":"SHOP","kind":"PERCENT","percent":15}]}""");

    @Test
    void dayAndNightBandsWithADailyCap() {
        Quote quote = quote(BANDS_WITH_CAP, stay("2026-03-02T18:30", "2026-03-03T09:10"));
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(
                        Tuple.tuple("bands", money("2.00")),
                        Tuple.tuple("bands", money("6.00")),
                        Tuple.tuple("bands", money("6.00")));
        assertThat(quote.total()).isEqualTo(money("14.00"));
        assertThat(total(BANDS_WITH_CAP, stay("2026-10-24T18:30", "2026-10-25T09:10")))
                .isEqualTo(money("15.00"));
    }

    @Test
    void coinParkingWithANightMaximumAndPromotions() {
        Quote overnight = quote(COIN_PARKING, stay("2026-03-02T18:00", "2026-03-03T10:00", Fixtures.TOKYO));
        assertThat(overnight.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(
                        Tuple.tuple("day_night", money("1200")),
                        Tuple.tuple("day_night", money("1200")),
                        Tuple.tuple("day_night", money("1200")),
                        Tuple.tuple("night_max", money("-800")),
                        Tuple.tuple("max_24h", money("-1600")));
        Stay hour = stay("2026-03-02T10:00", "2026-03-02T11:01", Fixtures.TOKYO);
        assertThat(total(COIN_PARKING, codes(hour, "SHOP"))).isEqualTo(money("680"));
        assertThat(quote(COIN_PARKING, codes(hour, "FOO")).breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(
                        Tuple.tuple("day_night", money("800")), Tuple.tuple("unknown-promotion:FOO", money("0")));
    }

    @Test
    void downtownGarageLinesMatchTheGuide() {
        Quote earlyBird =
                quote(DowntownGarageTariffTest.RULES, stay("2026-03-02T07:30", "2026-03-02T18:00", Fixtures.NEW_YORK));
        assertThat(earlyBird.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(
                        Tuple.tuple("first_hour", money("12.00")),
                        Tuple.tuple("each_additional_hour", money("60.00")),
                        Tuple.tuple("daily_max", money("-34.00")),
                        Tuple.tuple("early_bird", money("-20.00")));
        Quote lost = quote(
                DowntownGarageTariffTest.RULES,
                Fixtures.lost(stay("2026-03-02T10:00", "2026-03-02T10:45", Fixtures.NEW_YORK)));
        assertThat(lost.breakdown().getLast().amount()).isEqualTo(money("48.00"));
    }
}
