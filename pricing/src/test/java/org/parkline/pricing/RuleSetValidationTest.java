package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RuleSet#parse} refuses a bad document with every problem listed, each naming the rule and field. */
class RuleSetValidationTest {

    private static List<String> problems(String json) {
        return catchThrowableOfType(InvalidRuleSetException.class, () -> RuleSet.parse("bad", json))
                .problems();
    }

    @Test
    void listsEveryProblemOfADocumentAtOnce() {
        List<String> problems = problems(
                """
                {"currency":"XYZ","rules":[
                  {"id":"day","kind":"HOURLY","from":"07:00","to":"19:00"},
                  {"id":"day","kind":"HOURLY","from":"7pm","to":"07:00","rate":"1.00"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"-5"},
                  {"id":"weird","kind":"HOURLYY","rate":"1.00"},
                  {"id":"ev","kind":"EV_SURCHARGE","amount":"1.00","per":"MINUTE","rte":"1"}]}""");
        assertThat(problems)
                .anyMatch(p -> p.contains("\"currency\"") && p.contains("XYZ"))
                .anyMatch(p -> p.startsWith("rule \"day\" (HOURLY)") && p.contains("\"rate\" is required"))
                .anyMatch(p -> p.startsWith("rule \"day\"") && p.contains("used by rules #1 and #2"))
                .anyMatch(p -> p.contains("\"from\" must be a time of day") && p.contains("7pm"))
                .anyMatch(p -> p.startsWith("rule \"cap\" (DAILY_CAP)") && p.contains("must not be negative"))
                .anyMatch(p -> p.startsWith("rule \"weird\"") && p.contains("unknown kind \"HOURLYY\""))
                .anyMatch(p -> p.startsWith("rule \"ev\"") && p.contains("\"per\" must be one of STAY, HOUR"))
                .anyMatch(p -> p.startsWith("rule \"ev\"") && p.contains("unknown field \"rte\""));
        assertThat(problems).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void reportsGapsAndOverlapsInATimeBandsTable() {
        List<String> problems = problems(
                """
                {"currency":"GBP","rules":[{"id":"bands","kind":"TIME_BANDS","bands":[
                  {"from":"07:00","to":"19:00","rate":"2.00"},
                  {"from":"18:00","to":"23:00","rate":"1.00"},
                  {"from":"00:00","to":"06:00","rate":"1.00"}]}]}""");
        assertThat(problems)
                .anyMatch(p -> p.startsWith("rule \"bands\" (TIME_BANDS)") && p.contains("no band covers 06:00–07:00"))
                .anyMatch(p -> p.contains("no band covers 23:00–24:00"))
                .anyMatch(p -> p.contains("bands [1, 2] overlap at 18:00–19:00"));
    }

    @Test
    void reportsTimesOfDayThatNoRateRulePrices() {
        List<String> problems = problems(
                """
                {"currency":"GBP","holidays":["2026-12-25"],"rules":[
                  {"id":"weekday","kind":"HOURLY","days":["WEEKDAY"],"rate":"2.00"},
                  {"id":"weekend_day","kind":"HOURLY","days":["WEEKEND"],"from":"08:00","to":"20:00","rate":"1.00"}]}""");
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "rules: no rate rule (HOURLY, BLOCK or TIME_BANDS) prices WEEKEND 00:00–08:00; add one, or"
                                + " widen the \"days\" or \"from\"/\"to\" of an existing one.",
                        "rules: no rate rule (HOURLY, BLOCK or TIME_BANDS) prices WEEKEND 20:00–24:00; add one, or"
                                + " widen the \"days\" or \"from\"/\"to\" of an existing one.",
                        "rules: no rate rule (HOURLY, BLOCK or TIME_BANDS) prices HOLIDAY 00:00–24:00; add one, or"
                                + " widen the \"days\" or \"from\"/\"to\" of an existing one.");
    }

    @Test
    void refusesAmountsMoreExactThanTheCurrency() {
        assertThat(
                        problems(
                                """
                {"currency":"JPY","rules":[{"id":"hourly","kind":"HOURLY","rate":"100.5"}]}"""))
                .containsExactly("rule \"hourly\" (HOURLY): field \"rate\" has more decimal places than JPY allows (0):"
                        + " 100.5.");
    }

    @Test
    void refusesASecondRuleOfASingleInstanceKind() {
        assertThat(
                        problems(
                                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"free_a","kind":"FREE_MINUTES","minutes":10},
                  {"id":"free_b","kind":"FREE_MINUTES","minutes":20}]}"""))
                .containsExactly(
                        "rules [free_a, free_b] are all FREE_MINUTES; a rule set may have only one of that kind.");
    }

    @Test
    void refusesADocumentWithoutRateRules() {
        assertThat(
                        problems(
                                """
                {"currency":"GBP","rules":[{"id":"free","kind":"FREE_MINUTES","minutes":10}]}"""))
                .containsExactly(
                        "rules: at least one rate rule (HOURLY, BLOCK or TIME_BANDS) is required to price time.");
    }

    @Test
    void refusesBadPromotions() {
        List<String> problems = problems(
                """
                {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"}],
                 "promotions":[
                  {"code":"HALF","kind":"PERCENT","percent":150},
                  {"code":"half","kind":"AMOUNT","amount":"1.00"},
                  {"code":"FREE","kind":"FREE_HOURS"},
                  {"code":"OLD","kind":"AMOUNT","amount":"1.00","validFrom":"2026-02-01","validTo":"2026-01-01"},
                  {"kind":"GIFT"}]}""");
        assertThat(problems)
                .anyMatch(p -> p.startsWith("promotion \"HALF\"") && p.contains("at most 100"))
                .anyMatch(p -> p.startsWith("promotion \"half\"") && p.contains("defined twice"))
                .anyMatch(p -> p.startsWith("promotion \"FREE\"") && p.contains("\"hours\" is required"))
                .anyMatch(p -> p.startsWith("promotion \"OLD\"") && p.contains("before \"validTo\""))
                .anyMatch(p -> p.startsWith("promotion #5") && p.contains("\"code\" is required"))
                .anyMatch(p -> p.startsWith("promotion #5") && p.contains("FREE_HOURS, AMOUNT, PERCENT"));
    }

    @Test
    void refusesSomethingThatIsNotJson() {
        assertThat(problems("{\"currency\": ")).singleElement().asString().startsWith("document: is not valid JSON");
    }

    @Test
    void refusesUnknownTopLevelFieldsAndMissingRules() {
        assertThat(problems("""
                {"currency":"GBP","rulez":[]}"""))
                .anyMatch(p -> p.contains("unknown field \"rulez\""))
                .anyMatch(p -> p.contains("field \"rules\" is required"));
    }

    @Test
    void refusesAnEmptyBand() {
        assertThat(
                        problems(
                                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"night","kind":"PERIOD_CAP","from":"22:00","to":"22:00","amount":"5.00"}]}"""))
                .singleElement()
                .asString()
                .contains("an empty band");
    }

    @Test
    void refusesUnknownVehicleClassesInFactors() {
        assertThat(
                        problems(
                                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"vehicles","kind":"VEHICLE_MULTIPLIER","factors":{"BUS":"3"}}]}"""))
                .singleElement()
                .asString()
                .contains("unknown vehicle class \"BUS\"");
    }
}
