package org.parkline.server.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.server.support.PricingRules.hourly;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.PricingRules;
import org.parkline.server.support.RawHttp.Reply;
import tools.jackson.databind.JsonNode;

/** "What would this stay cost?" under a published version or a draft, side by side; nothing is changed. */
class SimulationIT extends IntegrationTest {

    private static final String WITH_EXTRAS =
            """
            {"currency":"SGD","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"2.00"},
              {"id":"lost","kind":"LOST_TICKET","amount":"30.00","mode":"ADD"}],
             "promotions":[{"code":"FIVER","kind":"AMOUNT","amount":"5.00"}]}""";

    private TestLot lot;
    private PricingRules rules;

    @BeforeEach
    void aLotOnItsFirstTariff() {
        lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 5));
        rules = new PricingRules(http);
    }

    @Test
    void aDraftIsComparedWithThePublishedVersion() {
        // Tuesday 10:00 to 13:30 in Singapore: 4 started hours
        Reply reply = simulate(
                """
                {"lotId":"%s","entryAt":"2026-02-24T10:00:00+08:00","exitAt":"2026-02-24T13:30:00+08:00",
                 "draft":%s,"compareWith":{"version":1}}"""
                        .formatted(lot.lotId(), hourly("3.00")));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("quote").path("ruleSetVersion").asString()).isEqualTo("draft");
        assertThat(body.path("quote").path("total").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(body.path("compareWith").path("ruleSetVersion").asString()).isEqualTo("1");
        assertThat(body.path("compareWith").path("total").decimalValue()).isEqualByComparingTo("8.00");
        assertThat(body.path("difference").path("total").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(body.path("difference").path("amountDue").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(body.path("timezone").asString()).isEqualTo("Asia/Singapore");
        assertThat(count("select count(*) from pricing_rule_set where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
    }

    @Test
    void twoDraftsCanBeCompared() {
        Reply reply = simulate(
                """
                {"lotId":"%s","entryAt":"2026-02-24T02:00:00Z","exitAt":"2026-02-24T04:00:00Z",
                 "draft":%s,"compareWith":{"draft":%s}}"""
                        .formatted(lot.lotId(), hourly("2.50"), hourly("3.00")));

        assertThat(reply.json().path("difference").path("total").decimalValue()).isEqualByComparingTo("-1.00");
    }

    @Test
    void aPublishedVersionPricesLostTicketsAndPromotions() {
        int version = rules.published(lot.lotId(), WITH_EXTRAS, null);

        JsonNode quote = simulate(
                        """
                        {"lotId":"%s","entryAt":"2026-02-24T02:00:00Z","exitAt":"2026-02-24T05:00:00Z",
                         "vehicleType":"CAR","lostTicket":true,"promotionCodes":["fiver","NOPE"],"version":%d}"""
                                .formatted(lot.lotId(), version))
                .json()
                .path("quote");

        // 3 hours 6.00, FIVER takes 5.00 off the parking charge only, then the 30.00 lost-ticket fee
        assertThat(quote.path("ruleSetVersion").asString()).isEqualTo("2");
        assertThat(quote.path("total").decimalValue()).isEqualByComparingTo("31.00");
        assertThat(rulesOf(quote))
                .containsExactlyInAnyOrder("hourly", "promotion:FIVER", "unknown-promotion:NOPE", "lost");
    }

    @Test
    void withoutAVersionTheLotsBasisPicksIt() {
        rules.published(lot.lotId(), hourly("5.00"), START.plus(Duration.ofDays(1)));

        String stay = """
                {"lotId":"%s","entryAt":"%s","exitAt":"%s"}""";
        JsonNode enteredBefore = simulate(
                        stay.formatted(lot.lotId(), START.plus(Duration.ofHours(20)), START.plus(Duration.ofHours(30))))
                .json();
        JsonNode enteredAfter = simulate(
                        stay.formatted(lot.lotId(), START.plus(Duration.ofHours(25)), START.plus(Duration.ofHours(30))))
                .json();

        assertThat(enteredBefore.path("quote").path("ruleSetVersion").asString())
                .isEqualTo("1");
        assertThat(enteredAfter.path("quote").path("ruleSetVersion").asString()).isEqualTo("2");
        assertThat(enteredBefore.path("compareWith").isNull()).isTrue();
    }

    @Test
    void impossibleStaysAndUnclearTariffsAreRefused() {
        String stay = """
                {"lotId":"%s","entryAt":"%s","exitAt":"%s"%s}""";
        refused(simulate(stay.formatted(lot.lotId(), START, START.minusSeconds(60), "")), 400, "invalid-stay");
        refused(
                simulate(stay.formatted(lot.lotId(), START, START.plus(Duration.ofDays(367)), "")),
                400,
                "invalid-stay");
        refused(
                simulate(stay.formatted(lot.lotId(), START, START.plusSeconds(60), ",\"version\":1,\"draft\":{}")),
                400,
                "validation");
        refused(
                simulate(stay.formatted(lot.lotId(), START, START.plusSeconds(60), ",\"version\":7")),
                404,
                "not-found");
        refused(simulate(stay.formatted("NOPE", START, START.plusSeconds(60), "")), 404, "not-found");
        refused(
                simulate(stay.formatted(lot.lotId(), START, START.plusSeconds(60), ",\"compareWith\":{}")),
                400,
                "validation");
        refused(simulate("{\"lotId\":\"%s\",\"entryAt\":\"%s\"}".formatted(lot.lotId(), START)), 400, "validation");
        refused(
                simulate(stay.formatted(lot.lotId(), START, START.plusSeconds(60), ",\"vehicleType\":\"BOAT\"")),
                400,
                "malformed-request");
    }

    @Test
    void aBadDraftListsEveryProblemNamingWhichDraft() {
        Reply reply = simulate(
                """
                {"lotId":"%s","entryAt":"2026-02-24T02:00:00Z","exitAt":"2026-02-24T04:00:00Z",
                 "version":1,"compareWith":{"draft":{"currency":"SGD","rules":[{"id":"h","kind":"HOURLY"},{"kind":"BLOCK"}]}}}"""
                        .formatted(lot.lotId()));

        refused(reply, 422, "invalid-rule-set");
        List<String> errors = reply.json()
                .path("errors")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(e)
                .startsWith("compareWith.draft: "));
    }

    private Reply simulate(String body) {
        return http.post("/v1/pricing/simulate", body);
    }

    private static List<String> rulesOf(JsonNode quote) {
        return quote.path("breakdown")
                .valueStream()
                .map(l -> l.path("rule").asString())
                .toList();
    }

    private static void refused(Reply reply, int status, String problem) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.problem()).isEqualTo(problem);
    }
}
