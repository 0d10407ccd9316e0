package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.codes;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Promotion and merchant-validation codes: PERCENT, AMOUNT, FREE_HOURS, validity, unknown codes. */
class PromotionsTest {

    private static final RuleSet RULES = rules(
            """
            {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"}],
             "promotions":[
              {"code":"CINEMA","kind":"FREE_HOURS","hours":3},
              {"code":"FIVER","kind":"AMOUNT","amount":"5.00"},
              {"code":"HALF","kind":"PERCENT","percent":50},
              {"code":"XMAS","kind":"PERCENT","percent":100,"validFrom":"2026-12-24","validTo":"2026-12-26"}]}""");

    @Test
    void percentTakesOffAShareOfTheTotal() {
        // 4 hours = 8.00, half off
        assertThat(total(RULES, codes(stay("2026-03-02T09:00", "2026-03-02T13:00"), "HALF")))
                .isEqualTo(money("4.00"));
    }

    @Test
    void amountNeverTakesTheTotalBelowZero() {
        Quote quote = quote(RULES, codes(stay("2026-03-02T09:00", "2026-03-02T10:30"), "FIVER"));
        assertThat(quote.total()).isEqualTo(money("0.00"));
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .contains(Tuple.tuple("promotion:FIVER", money("-4.00")));
    }

    @Test
    void freeHoursTakeOffWhatTheFirstHoursCost() {
        // 5 hours = 10.00; the first 3 hours alone = 6.00
        assertThat(total(RULES, codes(stay("2026-03-02T09:00", "2026-03-02T14:00"), "CINEMA")))
                .isEqualTo(money("4.00"));
    }

    @Test
    void theRuleSetNamesTheCodesItDefinesSoTheServerCanRefuseOthers() {
        assertThat(RULES.promotionCodes()).containsExactly("CINEMA", "FIVER", "HALF", "XMAS");
        assertThat(RULES.definesPromotion(" cinema ")).isTrue();
        assertThat(RULES.definesPromotion("MALL10")).isFalse();
    }

    @Test
    void codesAreMatchedIgnoringCaseAndSpaces() {
        assertThat(total(RULES, codes(stay("2026-03-02T09:00", "2026-03-02T13:00"), " half ")))
                .isEqualTo(money("4.00"));
    }

    @Test
    void freeHoursComeOffFirstThenAmountsThenPercentages() {
        // 6 hours = 12.00; the first 3 hours (6.00) off = 6.00; 5.00 off = 1.00; half off = 0.50
        assertThat(total(RULES, codes(stay("2026-03-02T09:00", "2026-03-02T15:00"), "HALF", "FIVER", "CINEMA")))
                .isEqualTo(money("0.50"));
    }

    @Test
    void promotionsNeverDiscountTheLostTicketFee() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"lost","kind":"LOST_TICKET","amount":"20.00"}],
                 "promotions":[{"code":"HALF","kind":"PERCENT","percent":50}]}""");
        // parking 4.00 halved to 2.00, then the 20.00 fee in full
        Stay stay = Fixtures.lost(codes(stay("2026-03-02T09:00", "2026-03-02T11:00"), "HALF"));
        assertThat(total(rules, stay)).isEqualTo(money("22.00"));
    }

    @Test
    void unknownCodesAreIgnoredAndReported() {
        Quote quote = quote(RULES, codes(stay("2026-03-02T09:00", "2026-03-02T10:00"), "NOPE"));
        assertThat(quote.total()).isEqualTo(money("2.00"));
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .contains(Tuple.tuple("unknown-promotion:NOPE", money("0.00")));
    }

    @Test
    void aCodeOutsideItsValidityIsIgnoredAndReported() {
        Quote quote = quote(RULES, codes(stay("2026-03-02T09:00", "2026-03-02T10:00"), "XMAS"));
        assertThat(quote.total()).isEqualTo(money("2.00"));
        assertThat(quote.breakdown()).extracting(QuoteLine::rule).contains("expired-promotion:XMAS");
    }

    @Test
    void aCodeInsideItsValidityApplies() {
        // validTo "2026-12-26" includes the whole of that day
        assertThat(total(RULES, codes(stay("2026-12-26T09:00", "2026-12-26T23:00"), "XMAS")))
                .isEqualTo(money("0.00"));
    }

    @Test
    void percentIsRoundedHalfUpToTheMinorUnit() {
        RuleSet yen = rules(
                """
                {"currency":"JPY","rules":[{"id":"hourly","kind":"HOURLY","rate":"350"}],
                 "promotions":[{"code":"SHOP15","kind":"PERCENT","percent":15}]}""");
        // 3 hours = 1050 yen; 15 % = 157.5 → 158 off
        Quote quote = quote(yen, codes(stay("2026-03-02T09:00", "2026-03-02T12:00", Fixtures.TOKYO), "SHOP15"));
        assertThat(quote.total()).isEqualTo(money("892"));
    }
}
