package org.parkline.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Plates are kept only as long as the retention policy says (tickets: 90 days after they ended, in the test
 * configuration as in the default one), and a data subject can get everything held about their plate.
 */
class PlatePrivacyOperationsIT extends IntegrationTest {

    @Autowired
    PlatePurge purge;

    @Test
    void aClosedTicketLosesItsPlateAfterTheRetentionPeriodAndAnActiveOneKeepsIt() {
        TestLot lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 5));
        String closed = enter(lot, "RET111A");
        exit(closed, lot);
        clock.advance(Duration.ofDays(30));
        String active = enter(lot, "RET222B");

        clock.advance(Duration.ofDays(60).minusHours(1));
        purge.purge();
        assertThat(plateOf(closed)).isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        Map<String, Integer> erased = purge.purge();

        assertThat(erased.get("tickets")).isPositive();
        assertThat(plateOf(closed)).isZero();
        assertThat(plateOf(active)).isEqualTo(1);
        assertThat(count(
                        "select count(*) from ticket where id = ? and plate_cipher is null and plate_key_id is null"
                                + " and exit_at is not null and amount_charged is not null",
                        closed))
                .as("the ticket itself is kept, only the plate goes")
                .isEqualTo(1);
        assertThat(http.post("/v1/privacy/purge", "").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'privacy.purged'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theExportOfAPlateHoldsItsTicketsPaymentsAndHistoryButNeverThePlate() {
        TestLot lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 5));
        String first = enter(lot, "exp 4711-z");
        clock.advance(Duration.ofMinutes(90));
        http.post(
                "/v1/payments",
                "{\"ticketId\":\"%s\",\"method\":\"CARD\",\"paymentToken\":\"tok_visa\"}".formatted(first),
                "export-pay-" + lot.lotId());
        exit(first, lot);
        String second = enter(lot, "EXP4711Z");
        enter(lot, "OTHER123");

        Reply export = http.post("/v1/privacy/exports", "{\"plate\":\"exp-4711 z\"}", "export-" + lot.lotId());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).doesNotContain("EXP4711Z").doesNotContain("4711");
        JsonNode tickets = export.json().path("records").path("tickets");
        assertThat(tickets.valueStream().map(t -> t.path("ticketId").asString()))
                .containsExactly(first, second);
        JsonNode paid = tickets.get(0);
        assertThat(paid.path("payments").size()).isEqualTo(1);
        assertThat(paid.path("history").valueStream().map(h -> h.path("action").asString()))
                .contains("ticket.created", "ticket.closed");
        assertThat(export.json().path("exportId").asString()).startsWith("X_");
        var exported = jdbc.sql(
                        "select after::text from audit_entry where action = 'privacy.exported' and subject_id = ?")
                .param(export.json().path("exportId").asString())
                .query(String.class)
                .single();
        assertThat(exported).contains("\"tickets\": 2").doesNotContain("4711");
    }

    @Test
    void onlyAnAdministratorExportsAndABadPlateIsRefused() {
        assertThat(http.withToken(tokenOf("operator"))
                        .post("/v1/privacy/exports", "{\"plate\":\"SGP1234A\"}")
                        .status())
                .isEqualTo(403);
        assertThat(http.withToken(tokenOf("auditor"))
                        .post("/v1/privacy/exports", "{\"plate\":\"SGP1234A\"}")
                        .status())
                .isEqualTo(403);
        Reply bad = http.post("/v1/privacy/exports", "{\"plate\":\"!\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("!\"");
    }

    private long plateOf(String ticketId) {
        return count("select count(*) from ticket where id = ? and plate_hmac is not null", ticketId);
    }

    private String enter(TestLot lot, String plate) {
        Reply reply = http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\",\"plate\":\"%s\"}}"
                        .formatted(lot.lotId(), lot.entryGate(), plate));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("ticketId").asString();
    }

    private void exit(String ticketId, TestLot lot) {
        Reply reply = http.post("/v1/tickets/" + ticketId + "/exit", "{\"gateId\":\"%s\"}".formatted(lot.exitGate()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}
