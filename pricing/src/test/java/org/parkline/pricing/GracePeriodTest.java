package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.at;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.paid;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;

import org.junit.jupiter.api.Test;

/** GRACE_PERIOD, alreadyPaid and lastPaidAt. */
class GracePeriodTest {

    private static final RuleSet RULES = rules(
            """
            {"currency":"GBP","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"2.00"},
              {"id":"grace","kind":"GRACE_PERIOD","minutes":15}]}""");

    @Test
    void exitWithinGracePeriodIsFree() {
        // paid 4.00 at 11:00 for 09:00–11:00; leaving at 11:10 would be 3 started hours, but it is within grace
        Quote quote = quote(
                RULES,
                paid(stay("2026-03-02T09:00", "2026-03-02T11:10"), "4.00", at("2026-03-02T11:00", Fixtures.LONDON)));
        assertThat(quote.total()).isEqualTo(money("6.00"));
        assertThat(quote.amountDue()).isEqualTo(money("0.00"));
        assertThat(quote.breakdown().getLast().rule()).isEqualTo("grace");
    }

    @Test
    void exitAtTheLastMinuteOfGraceIsStillFree() {
        Quote quote = quote(
                RULES,
                paid(stay("2026-03-02T09:00", "2026-03-02T11:15"), "4.00", at("2026-03-02T11:00", Fixtures.LONDON)));
        assertThat(quote.amountDue()).isEqualTo(money("0.00"));
    }

    @Test
    void exitAfterGracePeriodOwesTheTotalLessWhatWasPaid() {
        Quote quote = quote(
                RULES,
                paid(stay("2026-03-02T09:00", "2026-03-02T11:20"), "4.00", at("2026-03-02T11:00", Fixtures.LONDON)));
        assertThat(quote.amountDue()).isEqualTo(money("2.00"));
    }

    @Test
    void withoutAGraceRuleAPaymentGivesNoGrace() {
        RuleSet noGrace = rules(
                """
                {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"}]}""");
        Quote quote = quote(
                noGrace,
                paid(stay("2026-03-02T09:00", "2026-03-02T11:10"), "4.00", at("2026-03-02T11:00", Fixtures.LONDON)));
        assertThat(quote.amountDue()).isEqualTo(money("2.00"));
        assertThat(noGrace.graceMinutes()).isZero();
    }

    @Test
    void overpaymentLeavesNothingDueRatherThanANegativeAmount() {
        Quote quote = quote(RULES, paid(stay("2026-03-02T09:00", "2026-03-02T10:00"), "9.00", null));
        assertThat(quote.amountDue()).isEqualTo(money("0.00"));
    }

    @Test
    void theRuleSetExposesItsGraceMinutes() {
        assertThat(RULES.graceMinutes()).isEqualTo(15);
        assertThat(RULES.gracePeriod()).hasMinutes(15);
    }
}
