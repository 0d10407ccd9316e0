package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;
import org.parkline.server.support.TestDatabase;

/** Gates retry freely: the same key and body replay, another body is 422, a request still running is 409. */
class IdempotencyIT extends IntegrationTest {

    @Test
    void aRetriedEntryReplaysTheSameTicketAndMakesNoSecond() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));
        String body = entry(lot, "SGP1234A");

        Reply first = http.post("/v1/tickets/entry", body, "gate-event-1");
        Reply retry = http.post("/v1/tickets/entry", body, "gate-event-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));
        http.post("/v1/tickets/entry", entry(lot, "SGP1234A"), "gate-event-2");

        Reply other = http.post("/v1/tickets/entry", entry(lot, "SGP9999Z"), "gate-event-2");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problem()).isEqualTo("idempotency-key-reused");
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
    }

    @Test
    void aKeyStillInFlightIsRefusedWithConflict() throws Exception {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));
        String key = "gate-event-3";
        // Play the first request: hold the key's lock in an open transaction, as a running request does.
        try (Connection c = TestDatabase.get().connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                String caller = http.get("/v1/auth/me").json().path("id").asString();
                lock.setString(1, caller + " POST /v1/tickets/entry\n" + key);
                lock.execute();
            }
            Reply second = http.post("/v1/tickets/entry", entry(lot, null), key);

            assertThat(second.status()).isEqualTo(409);
            assertThat(second.problem()).isEqualTo("idempotency-request-in-flight");
            c.rollback();
        }
        assertThat(http.post("/v1/tickets/entry", entry(lot, null), key).status())
                .isEqualTo(201);
    }

    @Test
    void aFailedRequestIsNotStoredSoItsRetryIsEvaluatedAgain() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        String body = "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"TRUCK\"}}"
                .formatted(lot.lotId(), lot.entryGate());

        assertThat(http.post("/v1/tickets/entry", body, "truck-1").problem()).isEqualTo("lot-full");
        api.updateSpot(lot.lotId() + "_1_001", new org.parkline.client.SpotUpdate(null, SpotType.LARGE), "to-large");

        assertThat(http.post("/v1/tickets/entry", body, "truck-1").status()).isEqualTo(201);
    }

    @Test
    void manyConcurrentPaymentsWithOneKeyChargeOnce() throws Exception {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        Ticket ticket = api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                "pay-setup-" + lot.lotId());
        clock.advance(Duration.ofHours(3));
        String body =
                "{\"ticketId\":\"%s\",\"method\":\"CARD\",\"paymentToken\":\"tok_visa\",\"idempotencyKey\":\"pay-%s\"}"
                        .formatted(ticket.ticketId(), ticket.ticketId());

        List<Reply> replies;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Callable<Reply>> calls = IntStream.range(0, 32)
                    .<Callable<Reply>>mapToObj(i -> () -> http.post("/v1/payments", body))
                    .toList();
            replies = pool.invokeAll(calls).stream().map(IdempotencyIT::get).toList();
        }

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(replies.stream()
                        .filter(r -> r.status() == 201)
                        .map(r -> r.json().path("paymentId").asString()))
                .hasSizeGreaterThanOrEqualTo(1)
                .containsOnly(replies.stream()
                        .filter(r -> r.status() == 201)
                        .findFirst()
                        .orElseThrow()
                        .json()
                        .path("paymentId")
                        .asString());
        assertThat(count("select count(*) from payment where payable_ref = ?", ticket.ticketId()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from payment where payable_ref = ? and status = 'CAPTURED'",
                        ticket.ticketId()))
                .isEqualTo(1);
    }

    private static Reply get(Future<Reply> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String entry(TestLot lot, String plate) {
        String vehicle = plate == null ? "{\"type\":\"CAR\"}" : "{\"type\":\"CAR\",\"plate\":\"" + plate + "\"}";
        return "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":%s}".formatted(lot.lotId(), lot.entryGate(), vehicle);
    }
}
