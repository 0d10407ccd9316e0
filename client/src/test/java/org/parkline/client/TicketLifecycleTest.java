package org.parkline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {

    private StubParklineServer server;
    private ParklineClient parkline;

    @BeforeEach
    void start() throws IOException {
        server = new StubParklineServer();
        parkline = ParklineClient.builder(server.baseUrl()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void entryIssuesATicketWithItsSpotAndKeepsTheLotsOffset() {
        server.on(
                "POST",
                "/v1/tickets/entry",
                201,
                """
                {"ticketId":"T_1","lotId":"L1","issuedAt":"2026-02-24T10:01:22+08:00",
                 "spot":{"spotId":"S_2_041","floorId":"F2","zone":"B","type":"COMPACT"},
                 "floorId":"F2","zone":"B","barcode":"PK-T_1","status":"ACTIVE","vehicleType":"CAR",
                 "entryGateId":"GATE_E_01","somethingNew":{"x":1}}
                """);

        Ticket ticket = parkline.enter(
                EntryRequest.of("L1", "GATE_E_01", new Vehicle(VehicleType.CAR, "SGP1234A"), EntryPreferences.none()),
                "GATE_E_01-evt-1");

        assertThat(ticket.ticketId()).isEqualTo("T_1");
        assertThat(ticket.status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(ticket.issuedAt()).isEqualTo(OffsetDateTime.of(2026, 2, 24, 10, 1, 22, 0, ZoneOffset.ofHours(8)));
        assertThat(ticket.spot()).isEqualTo(new AssignedSpot("S_2_041", "F2", "B", SpotType.COMPACT));
        assertThat(ticket.vehicleType()).isEqualTo(VehicleType.CAR);
        assertThat(ticket.exitAt()).isNull();
    }

    @Test
    void entrySendsTheRequestAsJsonWithTheGatesIdempotencyKey() {
        server.on("POST", "/v1/tickets/entry", 201, "{\"ticketId\":\"T_1\",\"spot\":null}");

        Ticket ticket = parkline.enter(
                EntryRequest.of("L1", "GATE_E_01", Vehicle.of(VehicleType.EV), new EntryPreferences(true, false)),
                "GATE_E_01-evt-42");

        assertThat(ticket.spot()).isNull();
        StubParklineServer.Received request = server.last();
        assertThat(request.header("Idempotency-Key")).isEqualTo("GATE_E_01-evt-42");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body())
                .contains("\"lotId\":\"L1\"", "\"gateId\":\"GATE_E_01\"", "\"type\":\"EV\"")
                .contains("\"needEvCharging\":true", "\"needDisabled\":false", "\"holdId\":null");
    }

    @Test
    void aClosedTicketCarriesItsExitAndCharge() {
        server.on(
                "GET",
                "/v1/tickets/T_9",
                200,
                """
                {"ticketId":"T_9","lotId":"L1","status":"CLOSED","issuedAt":"2026-02-24T10:00:00+08:00",
                 "exitAt":"2026-02-24T12:30:00+08:00","spot":null,"floorId":"F1","zone":"A","barcode":"b",
                 "vehicleType":"MOTORBIKE","entryGateId":"E1","exitGateId":"X2","amountCharged":6.50}
                """);

        Ticket ticket = parkline.ticket("T_9");

        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.exitGateId()).isEqualTo("X2");
        assertThat(ticket.amountCharged()).isEqualByComparingTo("6.50");
        assertThat(ticket.amountCharged().scale()).isEqualTo(2);
    }

    @Test
    void quoteAtAnInstantPassesItAsQueryAndReadsTheBreakdown() {
        server.on(
                "GET",
                "/v1/tickets/T_1/quote",
                200,
                """
                {"ticketId":"T_1","entryAt":"2026-02-24T10:00:00+08:00","exitAt":"2026-02-24T12:00:00+08:00",
                 "amount":4.00,"total":6.50,"paid":2.50,"currency":"SGD","ruleSetVersion":"1",
                 "breakdown":[{"rule":"weekday_hourly","from":"2026-02-24T10:00:00+08:00",
                               "to":"2026-02-24T12:00:00+08:00","amount":6.50}]}
                """);

        ExitQuote quote = parkline.quote("T_1", Instant.parse("2026-02-24T04:00:00Z"));

        assertThat(server.last().pathAndQuery()).isEqualTo("/v1/tickets/T_1/quote?at=2026-02-24T04%3A00%3A00Z");
        assertThat(quote.amount()).isEqualByComparingTo("4.00");
        assertThat(quote.total()).isEqualByComparingTo("6.50");
        assertThat(quote.paid()).isEqualByComparingTo("2.50");
        assertThat(quote.breakdown()).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo("weekday_hourly");
            assertThat(line.amount()).isEqualByComparingTo("6.50");
        });
    }

    @Test
    void paymentSendsItsKeyAsHeaderAndInTheBody() {
        server.on(
                "POST",
                "/v1/payments",
                201,
                """
                {"paymentId":"P_1","ticketId":"T_1","amount":6.50,"currency":"SGD","method":"CARD",
                 "status":"CAPTURED","failureReason":null,"createdAt":"2026-02-24T12:00:00+08:00"}
                """);

        Payment payment = parkline.pay(PaymentRequest.amountDue("T_1", PaymentMethod.CARD, "tok_visa"), "pay-T_1");

        assertThat(payment.captured()).isTrue();
        assertThat(payment.amount()).isEqualByComparingTo(new BigDecimal("6.50"));
        assertThat(server.last().header("Idempotency-Key")).isEqualTo("pay-T_1");
        assertThat(server.last().body()).contains("\"idempotencyKey\":\"pay-T_1\"", "\"method\":\"CARD\"");
    }

    @Test
    void paymentRefusesABodyKeyThatDiffersFromTheHeader() {
        PaymentRequest request = new PaymentRequest("T_1", PaymentMethod.CASH, null, "key-a", null);

        assertThatThrownBy(() -> parkline.pay(request, "key-b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void exitClosesTheTicketAndOpensTheBarrier() {
        server.on(
                "POST",
                "/v1/tickets/T_1/exit",
                200,
                """
                {"ticketId":"T_1","status":"CLOSED","exitAt":"2026-02-24T12:00:05+08:00","amountPaid":6.50,
                 "currency":"SGD","barrier":"OPEN"}
                """);

        ExitReceipt receipt = parkline.exit("T_1", new ExitRequest("GATE_X_02", "P_1", "SGP1234A"), "GATE_X_02-evt-7");

        assertThat(receipt.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(receipt.barrier()).isEqualTo("OPEN");
        assertThat(receipt.amountPaid()).isEqualByComparingTo("6.50");
        assertThat(server.last().header("Idempotency-Key")).isEqualTo("GATE_X_02-evt-7");
        assertThat(server.last().body()).contains("\"paidPaymentId\":\"P_1\"");
    }
}
