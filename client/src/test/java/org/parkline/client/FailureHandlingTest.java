package org.parkline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureHandlingTest {

    private static final EntryRequest ENTRY =
            EntryRequest.of("L1", "GATE_E_01", Vehicle.of(VehicleType.CAR), EntryPreferences.none());

    private StubParklineServer server;

    @BeforeEach
    void start() throws IOException {
        server = new StubParklineServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void unpaidExitRaisesPaymentRequiredWithTheAmountDue() {
        server.onProblem(
                "POST",
                "/v1/tickets/T_1/exit",
                402,
                """
                {"type":"https://parkline.dev/problems/payment-required","title":"Payment required","status":402,
                 "detail":"SGD 6.50 is due","instance":"/v1/tickets/T_1/exit","amountDue":6.50,"currency":"SGD"}
                """);
        ParklineClient parkline = ParklineClient.builder(server.baseUrl()).build();

        assertThatThrownBy(() -> parkline.exit("T_1", ExitRequest.at("GATE_X_02"), "x-1"))
                .asInstanceOf(type(ParklineApiException.class))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(402);
                    assertThat(problem.type()).isEqualTo("https://parkline.dev/problems/payment-required");
                    assertThat(problem.problem()).isEqualTo("payment-required");
                    assertThat(problem.title()).isEqualTo("Payment required");
                    assertThat(problem.detail()).isEqualTo("SGD 6.50 is due");
                    assertThat(problem.instance()).isEqualTo("/v1/tickets/T_1/exit");
                    assertThat(problem.properties())
                            .containsEntry("amountDue", new BigDecimal("6.50"))
                            .containsEntry("currency", "SGD")
                            .doesNotContainKeys("type", "title", "status", "detail", "instance");
                });
    }

    @Test
    void aFullLotIsALotFullProblem() {
        server.onProblem(
                "POST",
                "/v1/tickets/entry",
                409,
                """
                {"type":"https://parkline.dev/problems/lot-full","title":"Lot full","status":409}
                """);
        ParklineClient parkline = ParklineClient.builder(server.baseUrl()).build();

        assertThatThrownBy(() -> parkline.enter(ENTRY, "e-1"))
                .asInstanceOf(type(ParklineApiException.class))
                .satisfies(problem -> assertThat(problem.is("lot-full")).isTrue());
    }

    @Test
    void anErrorWithoutAProblemBodyStillCarriesItsStatus() {
        server.on("GET", "/v1/lots", new StubParklineServer.Answer(502, "text/html", "<h1>Bad gateway</h1>", 0));
        ParklineClient parkline = ParklineClient.builder(server.baseUrl()).build();

        assertThatThrownBy(parkline::lots)
                .asInstanceOf(type(ParklineApiException.class))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(502);
                    assertThat(problem.type()).isEqualTo("about:blank");
                    assertThat(problem.instance()).isEqualTo("/v1/lots");
                });
    }

    @Test
    void aSlowServerSurfacesAsATimeout() {
        server.on("POST", "/v1/tickets/entry", new StubParklineServer.Answer(201, "application/json", "{}", 2_000));
        ParklineClient parkline = ParklineClient.builder(server.baseUrl())
                .timeout(Duration.ofMillis(200))
                .build();

        assertThatThrownBy(() -> parkline.enter(ENTRY, "e-1"))
                .isInstanceOf(ParklineTimeoutException.class)
                .isNotInstanceOf(ParklineApiException.class)
                .hasMessageContaining("POST /v1/tickets/entry");
    }

    @Test
    void retriesATimedOutEntryWithTheSameIdempotencyKey() {
        server.on("POST", "/v1/tickets/entry", new StubParklineServer.Answer(201, "application/json", "{}", 2_000))
                .on("POST", "/v1/tickets/entry", 201, "{\"ticketId\":\"T_1\"}");
        ParklineClient parkline = ParklineClient.builder(server.baseUrl())
                .timeout(Duration.ofMillis(200))
                .retries(1, Duration.ofMillis(10))
                .build();

        Ticket ticket = parkline.enter(ENTRY, "GATE_E_01-evt-9");

        assertThat(ticket.ticketId()).isEqualTo("T_1");
        assertThat(server.received()).hasSize(2).allSatisfy(request -> assertThat(request.header("Idempotency-Key"))
                .isEqualTo("GATE_E_01-evt-9"));
    }

    @Test
    void retriesWhileTheFirstRequestIsStillInFlightButNotOtherConflicts() {
        server.onProblem(
                        "POST",
                        "/v1/tickets/entry",
                        409,
                        """
                        {"type":"https://parkline.dev/problems/idempotency-request-in-flight","status":409}""")
                .onProblem(
                        "POST",
                        "/v1/tickets/entry",
                        409,
                        """
                        {"type":"https://parkline.dev/problems/lot-full","status":409}""");
        ParklineClient parkline = ParklineClient.builder(server.baseUrl())
                .retries(3, Duration.ofMillis(10))
                .build();

        assertThatThrownBy(() -> parkline.enter(ENTRY, "e-1"))
                .asInstanceOf(type(ParklineApiException.class))
                .satisfies(problem -> assertThat(problem.problem()).isEqualTo("lot-full"));
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void anUnreachableServerIsATransportFailure() throws IOException {
        String url = server.baseUrl();
        server.close();
        ParklineClient parkline = ParklineClient.builder(url).build();

        assertThatThrownBy(parkline::lots).isInstanceOf(ParklineTransportException.class);
    }

    @Test
    void stateChangingCallsNeedAnIdempotencyKey() {
        ParklineClient parkline = ParklineClient.builder(server.baseUrl()).build();

        assertThatThrownBy(() -> parkline.enter(ENTRY, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parkline.enter(ENTRY, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void sendsTheConfiguredCredentialsOnEveryRequest() {
        server.on("GET", "/v1/lots", 200, "[]");
        ParklineClient parkline = ParklineClient.builder(server.baseUrl())
                .bearerToken("t0ken")
                .apiKey("X-Gate-Key", "gk_1")
                .build();

        parkline.lots();

        assertThat(server.last().header("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(server.last().header("X-Gate-Key")).isEqualTo("gk_1");
    }
}
