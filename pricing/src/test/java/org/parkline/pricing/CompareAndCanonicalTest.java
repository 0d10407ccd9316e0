package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.parkline.pricing.Fixtures.ENGINE;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.stay;

import org.junit.jupiter.api.Test;

/** {@link PricingEngine#compare} for simulations, and the canonical form of a document. */
class CompareAndCanonicalTest {

    private static final RuleSet PUBLISHED = RuleSet.parse(
            "7", """
            {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"}]}""");
    private static final RuleSet DRAFT = RuleSet.parse(
            "8-draft",
            """
            {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.50"},
              {"id":"cap","kind":"DAILY_CAP","amount":"9.00"}]}""");

    @Test
    void comparingTwoRuleSetsGivesBothQuotesAndTheDifference() {
        QuoteComparison comparison = ENGINE.compare(PUBLISHED, DRAFT, stay("2026-03-02T09:00", "2026-03-02T12:00"));
        assertThat(comparison.current().total()).isEqualTo(money("6.00"));
        assertThat(comparison.candidate().total()).isEqualTo(money("7.50"));
        assertThat(comparison.totalDifference()).isEqualTo(money("1.50"));
        assertThat(comparison.candidate().ruleSetVersion()).isEqualTo("8-draft");
    }

    @Test
    void theCandidateCanBeCheaper() {
        QuoteComparison comparison = ENGINE.compare(PUBLISHED, DRAFT, stay("2026-03-02T09:00", "2026-03-02T17:00"));
        assertThat(comparison.totalDifference()).isEqualTo(money("-7.00"));
        assertThat(comparison.amountDueDifference()).isEqualTo(money("-7.00"));
    }

    @Test
    void ruleSetsInDifferentCurrenciesCannotBeCompared() {
        RuleSet yen = RuleSet.parse(
                "1", """
                {"currency":"JPY","rules":[{"id":"hourly","kind":"HOURLY","rate":"300"}]}""");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ENGINE.compare(PUBLISHED, yen, stay("2026-03-02T09:00", "2026-03-02T10:00")));
    }

    @Test
    void equalDocumentsHaveEqualCanonicalJson() {
        RuleSet a = RuleSet.parse(
                "1", """
                {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"}]}""");
        RuleSet b = RuleSet.parse(
                "1",
                """
                {
                  "rules": [ { "rate": "2.00", "kind": "HOURLY", "id": "hourly" } ],
                  "currency": "GBP"
                }""");
        assertThat(a.canonicalJson())
                .isEqualTo(b.canonicalJson())
                .isEqualTo(
                        "{\"currency\":\"GBP\",\"rules\":[{\"id\":\"hourly\",\"kind\":\"HOURLY\",\"rate\":\"2.00\"}]}");
    }

    @Test
    void theCanonicalJsonParsesToTheSameTariff() {
        RuleSet again = RuleSet.parse(DRAFT.version(), DRAFT.canonicalJson());
        Stay stay = stay("2026-03-02T09:00", "2026-03-04T12:10");
        assertThat(ENGINE.quote(again, stay)).isEqualTo(ENGINE.quote(DRAFT, stay));
    }
}
