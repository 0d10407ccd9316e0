package org.parkline.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LotAdministrationTest {

    private StubParklineServer server;
    private ParklineClient parkline;

    @BeforeEach
    void start() throws IOException {
        server = new StubParklineServer();
        parkline = ParklineClient.builder(server.baseUrl() + "/").build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsLots() {
        server.on(
                "GET",
                "/v1/lots",
                200,
                """
                [{"lotId":"L1","name":"Marina","timezone":"Asia/Singapore","mode":"SPOT","currency":"SGD"},
                 {"lotId":"L2","name":"Depot","timezone":"Europe/Berlin","mode":"CAPACITY","currency":"EUR"}]
                """);

        List<LotSummary> lots = parkline.lots();

        assertThat(lots).extracting(LotSummary::lotId).containsExactly("L1", "L2");
        assertThat(lots.get(1).mode()).isEqualTo(LotMode.CAPACITY);
        assertThat(lots.get(0).timezone()).isEqualTo(ZoneId.of("Asia/Singapore"));
    }

    @Test
    void createsALotFromALayoutAndReadsItsGates() {
        server.on(
                "POST",
                "/v1/lots",
                201,
                """
                {"lotId":"STADIUM","name":"Stadium","timezone":"Asia/Singapore","mode":"SPOT","currency":"SGD",
                 "floors":[{"floorId":"F1","name":"Level 1","level":1,"zones":[{"zone":"A","name":"A"}]}],
                 "gates":[{"gateId":"ST_E_01","direction":"ENTRY","floorId":"F1","zone":"A","status":"NORMAL"}]}
                """);
        LotLayout layout = new LotLayout(
                "STADIUM",
                "Stadium",
                null,
                "Asia/Singapore",
                "SGD",
                LotMode.SPOT,
                "ST",
                List.of(new LotLayout.FloorLayout(
                        "F1",
                        "Level 1",
                        1,
                        List.of(new LotLayout.ZoneLayout("A", "A", Map.of(SpotType.COMPACT, 500))))),
                List.of(new LotLayout.GateLayout("ST_E_01", GateDirection.ENTRY, "F1", "A")),
                null);

        Lot lot = parkline.createLot(layout, "create-STADIUM");

        assertThat(lot.gates()).singleElement().extracting(Lot.Gate::direction).isEqualTo(GateDirection.ENTRY);
        assertThat(lot.floors().getFirst().zones()).containsExactly(new Lot.Zone("A", "A"));
        assertThat(server.last().pathAndQuery()).isEqualTo("/v1/lots");
        assertThat(server.last().body())
                .contains("\"spotIdPrefix\":\"ST\"", "\"spots\":{\"COMPACT\":500}", "\"address\":null")
                .doesNotContain("pricing");
    }

    @Test
    void availabilityPassesOnlyTheFiltersGiven() {
        server.on(
                "GET",
                "/v1/lots/L1/availability",
                200,
                """
                {"lotId":"L1","asOf":"2026-02-24T10:00:00+08:00","counts":{"COMPACT":120,"EV_CHARGING":8},
                 "floors":[{"floorId":"F1","counts":{"COMPACT":120},"zones":[{"zone":"A","counts":{"COMPACT":120}}]}]}
                """);

        Availability availability = parkline.availability("L1", new AvailabilityFilter(SpotType.COMPACT, "F1", null));

        assertThat(server.last().pathAndQuery()).isEqualTo("/v1/lots/L1/availability?spotType=COMPACT&floorId=F1");
        assertThat(availability.available(SpotType.COMPACT)).isEqualTo(120);
        assertThat(availability.available(SpotType.LARGE)).isZero();
        assertThat(availability.floors().getFirst().zones().getFirst().counts()).containsEntry(SpotType.COMPACT, 120);
    }

    @Test
    void takesASpotOutOfServiceWithPut() {
        server.on(
                "PUT",
                "/v1/spots/S_1_001",
                200,
                """
                {"spotId":"S_1_001","lotId":"L1","floorId":"F1","zone":"A","type":"COMPACT","status":"OUT_OF_SERVICE"}
                """);

        Spot spot = parkline.updateSpot(
                "S_1_001", new SpotUpdate(SpotStatus.OUT_OF_SERVICE, SpotType.COMPACT), "oos-S_1_001");

        assertThat(spot.status()).isEqualTo(SpotStatus.OUT_OF_SERVICE);
        assertThat(server.last().method()).isEqualTo("PUT");
        assertThat(server.last().header("Idempotency-Key")).isEqualTo("oos-S_1_001");
    }

    @Test
    void readsAStatusItDoesNotKnowAsNullInsteadOfFailing() {
        server.on(
                "GET",
                "/v1/lots/L9",
                200,
                """
                {"lotId":"L9","mode":"VALET","gates":[{"gateId":"G","direction":"ENTRY","status":"NORMAL"}]}
                """);

        Lot lot = parkline.lot("L9");

        assertThat(lot.mode()).isNull();
        assertThat(lot.gates()).hasSize(1);
    }
}
