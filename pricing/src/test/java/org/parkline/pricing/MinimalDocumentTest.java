package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The original minimal document keeps its meaning: the server already stores documents like this one. */
class MinimalDocumentTest {

    private static final String DOCUMENT =
            """
            {"currency":"SGD","rules":[
              {"id":"free_15","kind":"FREE_MINUTES","minutes":15},
              {"id":"weekday_hourly","kind":"HOURLY","rate":"2.60"},
              {"id":"daily_cap","kind":"DAILY_CAP","amount":"20.00"}]}""";

    private static final RuleSet RULES = RuleSet.parse("3", DOCUMENT);

    @Test
    void exposesVersionAndCurrency() {
        assertThat(RULES.version()).isEqualTo("3");
        assertThat(RULES.currency()).isEqualTo(Currency.getInstance("SGD"));
    }

    @Test
    void aStayNoLongerThanTheFreeMinutesIsFree() {
        assertThat(total(RULES, stay("2026-03-02T09:00", "2026-03-02T09:15", Fixtures.SINGAPORE)))
                .isEqualTo(money("0.00"));
    }

    @Test
    void everyStartedHourIsCharged() {
        assertThat(total(RULES, stay("2026-03-02T09:00", "2026-03-02T11:01", Fixtures.SINGAPORE)))
                .isEqualTo(money("7.80"));
    }

    @Test
    void theCapHoldsPerTwentyFourHoursFromEntry() {
        // 24 h capped at 20.00, then 2 started hours = 5.20
        Quote quote = quote(RULES, stay("2026-03-02T09:00", "2026-03-03T10:30", Fixtures.SINGAPORE));
        assertThat(quote.total()).isEqualTo(money("25.20"));
        assertThat(quote.amountDue()).isEqualTo(money("25.20"));
        assertThat(quote.currency()).isEqualTo(Currency.getInstance("SGD"));
    }
}
