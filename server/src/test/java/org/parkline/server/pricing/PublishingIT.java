package org.parkline.server.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkline.server.support.PricingRules.hourly;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.AuditTrail;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.PricingRules;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/** Operators publish rule-set versions themselves: immutable, consecutive, effective now or later. */
class PublishingIT extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    private TestLot lot;
    private PricingRules rules;

    @BeforeEach
    void aLotOnItsFirstTariff() {
        lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 5));
        rules = new PricingRules(http);
    }

    @Test
    void aVersionScheduledForLaterPricesStaysFromItsEffectiveFrom() {
        setBasis("EXIT");
        Ticket ticket = enter();
        Instant at = START.plus(Duration.ofHours(1));

        Reply published = rules.publish(lot.lotId(), hourly("5.00"), at);

        assertThat(published.status()).isEqualTo(201);
        assertThat(published.header("Location")).isEqualTo("/v1/pricingRules/" + lot.lotId() + "/2");
        assertThat(published.json().path("version").asInt()).isEqualTo(2);
        assertThat(Instant.parse(published.json().path("effectiveFrom").asString()))
                .isEqualTo(at);
        assertThat(Instant.parse(published.json().path("publishedAt").asString()))
                .isEqualTo(START);
        assertThat(versionStatuses()).containsExactly("2:SCHEDULED", "1:IN_EFFECT");

        clock.advance(Duration.ofMinutes(59));
        JsonNode before = quote(ticket);
        assertThat(before.path("ruleSetVersion").asString()).isEqualTo("1");
        assertThat(before.path("amount").decimalValue()).isEqualByComparingTo("2.00");

        clock.advance(Duration.ofMinutes(1));
        JsonNode after = quote(ticket);
        assertThat(after.path("ruleSetVersion").asString()).isEqualTo("2");
        assertThat(after.path("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(versionStatuses()).containsExactly("2:IN_EFFECT", "1:SUPERSEDED");
    }

    @Test
    void entryBasisKeepsTheVersionAtEntryAndExitBasisTakesTheVersionAtExit() {
        Ticket early = enter();
        rules.published(lot.lotId(), hourly("5.00"), START.plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(45));
        Ticket late = enter();
        clock.advance(Duration.ofMinutes(75));

        // ENTRY (the default): the early car keeps version 1 although version 2 is in effect now
        assertThat(quote(early).path("ruleSetVersion").asString()).isEqualTo("1");
        assertThat(quote(early).path("amount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(quote(late).path("ruleSetVersion").asString()).isEqualTo("2");

        Reply changed = setBasis("EXIT");

        assertThat(changed.json().path("pricingBasis").asString()).isEqualTo("EXIT");
        assertThat(http.get("/v1/lots/" + lot.lotId())
                        .json()
                        .path("pricingBasis")
                        .asString())
                .isEqualTo("EXIT");
        // EXIT, at once (the lot cache is dropped): the early car pays version 2's rate for the whole stay
        assertThat(quote(early).path("ruleSetVersion").asString()).isEqualTo("2");
        assertThat(quote(early).path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(audit.of(lot.lotId(), "lot.updated")).singleElement().satisfies(e -> {
            assertThat(e.before()).containsEntry("pricingBasis", "ENTRY");
            assertThat(e.after()).containsEntry("pricingBasis", "EXIT");
        });

        setBasis("EXIT");
        assertThat(audit.of(lot.lotId(), "lot.updated")).hasSize(1);
    }

    @Test
    void aBadDocumentListsEveryProblemAndChangesNothing() {
        String bad =
                """
                {"currency":"JPY","rules":[
                  {"id":"day","kind":"HOURLY"},
                  {"id":"cap","kind":"DAILY_CAP","amount":"-3"},
                  {"id":"odd","kind":"TELEPORT"}]}""";

        Reply refused = rules.publish(lot.lotId(), bad);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.problem()).isEqualTo("invalid-rule-set");
        List<String> errors = refused.json()
                .path("errors")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
        assertThat(errors).hasSizeGreaterThanOrEqualTo(4);
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).contains("\"day\"").contains("rate"))
                .anySatisfy(e -> assertThat(e).contains("\"cap\""))
                .anySatisfy(e -> assertThat(e).contains("TELEPORT"))
                .anySatisfy(e -> assertThat(e).contains("JPY").contains("SGD"));
        assertNothingPublished();
    }

    @Test
    void aDocumentInAnotherCurrencyIsRefused() {
        Reply refused = rules.publish(lot.lotId(), hourly("2.00").replace("SGD", "EUR"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).asString())
                .contains("EUR")
                .contains("SGD");
        assertNothingPublished();
    }

    @Test
    void anEffectiveFromInThePastIsRefused() {
        Reply refused = rules.publish(lot.lotId(), hourly("5.00"), START.minus(Duration.ofHours(1)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problem()).isEqualTo("effective-from-in-past");
        assertNothingPublished();
    }

    @Test
    void anEffectiveFromAMomentAgoIsTakenAsNow() {
        Reply published = rules.publish(lot.lotId(), hourly("5.00"), START.minusSeconds(2));

        assertThat(published.status()).isEqualTo(201);
        assertThat(Instant.parse(published.json().path("effectiveFrom").asString()))
                .isEqualTo(START);
    }

    @Test
    void publishingWithoutALotOrDocumentIsRefused() {
        assertThat(rules.publish("NOPE", hourly("5.00")).status()).isEqualTo(404);
        Reply noDocument = http.post("/v1/pricingRules/publish", "{\"lotId\":\"%s\"}".formatted(lot.lotId()));
        assertThat(noDocument.status()).isEqualTo(422);
        assertThat(noDocument.problem()).isEqualTo("invalid-rule-set");
        assertThat(http.post("/v1/pricingRules/publish", "{\"document\":{}}").status())
                .isEqualTo(400);
        assertNothingPublished();
    }

    @Test
    void aNewLotWithABadTariffIsNotCreatedAtAll() {
        String id = lot.lotId() + "B";
        Reply refused = http.post(
                "/v1/lots",
                """
                {"lotId":"%s","name":"x","timezone":"Asia/Singapore","currency":"SGD","mode":"CAPACITY",
                 "floors":[{"floorId":"F1","level":1,"zones":[{"zone":"A","spots":{"COMPACT":1}}]}],
                 "gates":[{"gateId":"%s_E","direction":"ENTRY","floorId":"F1"}],
                 "pricing":{"currency":"EUR","rules":[{"id":"h","kind":"HOURLY"}]}}"""
                        .formatted(id, id));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").valueStream().map(JsonNode::asString))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).startsWith("pricing: "));
        assertThat(count("select count(*) from lot where id = ?", id)).isZero();
    }

    @Test
    void concurrentPublishesGetConsecutiveVersions() throws Exception {
        int publishes = 8;
        List<Integer> versions;
        try (ExecutorService pool = Executors.newFixedThreadPool(publishes)) {
            List<Future<Integer>> results = IntStream.range(0, publishes)
                    .mapToObj(i -> pool.submit(() -> rules.published(lot.lotId(), hourly("3.0" + i), null)))
                    .toList();
            versions = results.stream().map(PublishingIT::get).sorted().toList();
        }

        assertThat(versions).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(jdbc.sql("select version from pricing_rule_set where lot_id = ? order by version")
                        .param(lot.lotId())
                        .query(Integer.class)
                        .list())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(audit.of(lot.lotId(), "pricing.published")).hasSize(9);
    }

    @Test
    void aRetriedPublishWithTheSameKeyPublishesOnce() {
        String body = PricingRules.body(lot.lotId(), hourly("5.00"), null);

        Reply first = http.post("/v1/pricingRules/publish", body, "publish-" + lot.lotId());
        Reply retry = http.post("/v1/pricingRules/publish", body, "publish-" + lot.lotId());

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(count("select count(*) from pricing_rule_set where lot_id = ?", lot.lotId()))
                .isEqualTo(2);
    }

    @Test
    void versionsAreListedNewestFirstAndEachShowsItsDocument() {
        rules.published(lot.lotId(), hourly("3.00"), null);
        rules.published(lot.lotId(), hourly("4.00"), START.plus(Duration.ofDays(1)));

        JsonNode list = http.get("/v1/pricingRules?lotId=" + lot.lotId()).json();

        assertThat(list.path("inEffectNow").asInt()).isEqualTo(2);
        assertThat(list.path("pricingBasis").asString()).isEqualTo("ENTRY");
        assertThat(versionStatuses()).containsExactly("3:SCHEDULED", "2:IN_EFFECT", "1:SUPERSEDED");

        Reply one = http.get("/v1/pricingRules/" + lot.lotId() + "/3");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("currency").asString()).isEqualTo("SGD");
        assertThat(one.json().path("publishedBy").asString())
                .isEqualTo(http.get("/v1/auth/me").json().path("id").asString());
        assertThat(one.json().path("document").path("rules").get(0).path("rate").asString())
                .isEqualTo("4.00");
        assertThat(http.get("/v1/pricingRules/" + lot.lotId() + "/9").status()).isEqualTo(404);
        assertThat(http.get("/v1/pricingRules?lotId=NOPE").status()).isEqualTo(404);
        Reply noLot = http.get("/v1/pricingRules");
        assertThat(noLot.status()).isEqualTo(400);
        assertThat(noLot.isProblem()).isTrue();
        assertThat(noLot.problem()).isNotBlank();
    }

    @Test
    void publishingIsAuditedWithoutTheDocumentItself() {
        rules.published(lot.lotId(), hourly("5.00"), null);

        assertThat(audit.of(lot.lotId(), "pricing.published")).hasSize(2).last().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo(lot.lotId() + "/2");
            assertThat(e.after()).containsEntry("version", 2).containsKey("documentSha256");
        });
    }

    @Test
    void publishedVersionsCannotBeChangedDeletedOrSkipped() {
        assertThatThrownBy(() -> jdbc.sql(
                                "update pricing_rule_set set document = '{}'::jsonb where lot_id = ? and version = 1")
                        .param(lot.lotId())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from pricing_rule_set where lot_id = ?")
                        .param(lot.lotId())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                insert into pricing_rule_set (lot_id, version, document, effective_from, published_by)
                                values (?, 3, '{}'::jsonb, now(), 'test')""")
                        .param(lot.lotId())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("not the next version");
        assertNothingPublished();
    }

    private void assertNothingPublished() {
        assertThat(count("select count(*) from pricing_rule_set where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
        assertThat(audit.of(lot.lotId(), "pricing.published")).hasSize(1);
    }

    private List<String> versionStatuses() {
        return http.get("/v1/pricingRules?lotId=" + lot.lotId())
                .json()
                .path("versions")
                .valueStream()
                .map(v -> v.path("version").asInt() + ":" + v.path("status").asString())
                .toList();
    }

    private Reply setBasis(String basis) {
        Reply reply = http.put("/v1/lots/" + lot.lotId() + "/pricing-basis", "{\"basis\":\"" + basis + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private Ticket enter() {
        return api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                "entry-" + UUID.randomUUID());
    }

    private JsonNode quote(Ticket ticket) {
        return http.get("/v1/tickets/" + ticket.ticketId() + "/quote").json();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
