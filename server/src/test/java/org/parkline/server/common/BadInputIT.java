package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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

/** Every bad request gets a 4xx problem+json a person can act on, and changes nothing. */
class BadInputIT extends IntegrationTest {

    private TestLot lot;
    private Ticket ticket;

    @BeforeEach
    void aLotWithOneParkedCar() {
        lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));
        ticket = api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                "bad-setup-" + lot.lotId());
        clock.advance(Duration.ofHours(2));
        before = snapshot();
    }

    @Test
    void malformedJsonIsRefused() {
        refused(http.post("/v1/tickets/entry", "{\"lotId\":"), 400, "malformed-request");
        refused(http.post("/v1/tickets/entry", "not json at all"), 400, "malformed-request");
        refused(http.post("/v1/payments", "[1,2,3]"), 400, "malformed-request");
    }

    @Test
    void missingOrWrongFieldsAreNamed() {
        Reply missing = http.post(
                "/v1/tickets/entry", "{\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}".formatted(lot.entryGate()));
        refused(missing, 400, "validation");
        assertThat(missing.json().path("detail").asString()).contains("lotId");

        Reply boat = http.post("/v1/tickets/entry", entry(lot.entryGate(), "BOAT"));
        refused(boat, 400, "malformed-request");
        assertThat(boat.json().path("detail").asString())
                .contains("vehicle.type")
                .contains("CAR");

        refused(
                http.post(
                        "/v1/tickets/entry",
                        "{\"lotId\":\"%s\",\"gateId\":\"%s\"}".formatted(lot.lotId(), lot.entryGate())),
                400,
                "validation");
        refused(
                http.post(
                        "/v1/tickets/entry",
                        """
                {"lotId":"%s","gateId":"%s","vehicle":{"type":"CAR","plate":"!!"}}"""
                                .formatted(lot.lotId(), lot.entryGate())),
                400,
                "validation");
    }

    @Test
    void unknownThingsAreNotFound() {
        refused(
                http.post(
                        "/v1/tickets/entry",
                        """
                {"lotId":"NOPE","gateId":"%s","vehicle":{"type":"CAR"}}"""
                                .formatted(lot.entryGate())),
                404,
                "not-found");
        refused(
                http.post(
                        "/v1/tickets/entry",
                        """
                {"lotId":"%s","gateId":"NOPE","vehicle":{"type":"CAR"}}"""
                                .formatted(lot.lotId())),
                404,
                "not-found");
        refused(http.get("/v1/tickets/T_NOPE"), 404, "not-found");
        refused(http.get("/v1/tickets/T_NOPE/quote"), 404, "not-found");
        refused(
                http.post("/v1/tickets/T_NOPE/exit", "{\"gateId\":\"%s\"}".formatted(lot.exitGate())),
                404,
                "not-found");
        refused(http.get("/v1/lots/NOPE/availability"), 404, "not-found");
        refused(http.put("/v1/spots/NOPE", "{\"status\":\"OUT_OF_SERVICE\"}"), 404, "not-found");
        refused(
                http.post(
                        "/v1/payments",
                        """
                {"ticketId":"T_NOPE","method":"CARD","paymentToken":"tok_visa","idempotencyKey":"x1"}"""),
                404,
                "not-found");
    }

    @Test
    void gatesAreCheckedForLotAndDirection() {
        refused(http.post("/v1/tickets/entry", entry(lot.exitGate(), "CAR")), 422, "wrong-gate-direction");
        refused(
                http.post(
                        "/v1/tickets/entry",
                        """
                {"lotId":"%s","gateId":"GATE_E_01","vehicle":{"type":"CAR"}}"""
                                .formatted(lot.lotId())),
                422,
                "gate-not-in-lot");
        refused(
                http.post(
                        "/v1/tickets/" + ticket.ticketId() + "/exit", "{\"gateId\":\"%s\"}".formatted(lot.entryGate())),
                422,
                "wrong-gate-direction");
    }

    @Test
    void exitUnpaidIsRefusedWithWhatIsOwed() {
        Reply unpaid = http.post(
                "/v1/tickets/" + ticket.ticketId() + "/exit", "{\"gateId\":\"%s\"}".formatted(lot.exitGate()));

        refused(unpaid, 402, "payment-required");
        assertThat(unpaid.json().path("amountDue").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(unpaid.json().path("currency").asString()).isEqualTo("SGD");
    }

    @Test
    void paymentsWithBadAmountsOrCardNumbersAreRefused() {
        String base =
                "{\"ticketId\":\"%s\",\"method\":\"CARD\",\"paymentToken\":\"%s\",\"idempotencyKey\":\"%s\",\"amount\":%s}";
        refused(
                http.post("/v1/payments", base.formatted(ticket.ticketId(), "tok_visa", "neg", "-1")),
                400,
                "validation");
        refused(
                http.post("/v1/payments", base.formatted(ticket.ticketId(), "tok_visa", "tiny", "0.001")),
                400,
                "validation");
        refused(
                http.post("/v1/payments", base.formatted(ticket.ticketId(), "tok_visa", "huge", "1e12")),
                422,
                "overpayment");
        Reply card = http.post("/v1/payments", base.formatted(ticket.ticketId(), "4111 1111 1111 1111", "pan", "null"));
        refused(card, 400, "validation");
        assertThat(card.body()).doesNotContain("4111");
        refused(
                http.post(
                        "/v1/payments",
                        """
                {"ticketId":"%s","method":"CARD","paymentToken":"tok_visa"}"""
                                .formatted(ticket.ticketId())),
                400,
                "validation");
        refused(
                http.post(
                        "/v1/payments",
                        """
                {"ticketId":"%s","method":"CARD","idempotencyKey":"no-token"}"""
                                .formatted(ticket.ticketId())),
                400,
                "validation");
    }

    @Test
    void absurdLayoutsAndSpotUpdatesAreRefused() {
        refused(
                http.post(
                        "/v1/lots",
                        """
                {"lotId":"BAD LOT","name":"x","timezone":"Mars/Olympus","currency":"XXXX","mode":"SPOT",
                 "floors":[],"gates":[]}"""),
                400,
                "validation");
        refused(
                http.post(
                        "/v1/lots",
                        """
                {"lotId":"BADTZ","name":"x","timezone":"Mars/Olympus","currency":"SGD","mode":"SPOT",
                 "floors":[{"floorId":"F1","level":1,"zones":[{"zone":"A","spots":{"COMPACT":-5}}]}],
                 "gates":[{"gateId":"BADTZ_E","direction":"ENTRY","floorId":"F9"}]}"""),
                400,
                "validation");
        refused(http.put("/v1/spots/" + ticket.spot().spotId(), "{\"status\":\"OCCUPIED\"}"), 400, "validation");
        refused(http.put("/v1/spots/" + ticket.spot().spotId(), "{\"status\":\"OUT_OF_SERVICE\"}"), 409, "spot-in-use");
        refused(http.put("/v1/spots/" + ticket.spot().spotId(), "{}"), 400, "validation");
        refused(http.get("/v1/lots/" + lot.lotId() + "/availability?spotType=HOVERCRAFT"), 400, "validation");
    }

    @Test
    void aSecondTicketForAPlateAlreadyInsideIsRefused() {
        api.enter(
                EntryRequest.of(
                        lot.lotId(),
                        lot.entryGate(),
                        new Vehicle(VehicleType.CAR, "SBA1234Z"),
                        EntryPreferences.none()),
                "plate-once-" + lot.lotId());
        before = snapshot();

        refused(
                http.post(
                        "/v1/tickets/entry",
                        """
                {"lotId":"%s","gateId":"%s","vehicle":{"type":"CAR","plate":"sba 1234 z"}}"""
                                .formatted(lot.lotId(), lot.entryGate())),
                409,
                "vehicle-already-inside");
    }

    /** Asserts the refusal and that the database is as it was before the request. */
    private void refused(Reply reply, int status, String problem) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(reply.problem()).isEqualTo(problem);
        assertThat(reply.json().path("detail").asString()).isNotBlank();
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<Long> before;

    private List<Long> snapshot() {
        return List.of(
                count("select count(*) from ticket"),
                count("select count(*) from payment"),
                count("select count(*) from lot"),
                count("select coalesce(sum(available), 0) from zone_counter_now"),
                count("select count(*) from spot where status <> 'AVAILABLE'"),
                count("select count(*) from idempotency_record"));
    }

    private String entry(String gate, String type) {
        return "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"%s\"}}".formatted(lot.lotId(), gate, type);
    }
}
