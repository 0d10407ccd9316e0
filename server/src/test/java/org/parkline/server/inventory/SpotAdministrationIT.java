package org.parkline.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.AuditTrail;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spots are added to zones, taken out of service and back, forced out of service under a vehicle, and retired; the
 * zone counters follow every change, and a refusal changes neither the spot nor the counters.
 */
class SpotAdministrationIT extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    record Counts(long total, long available, long occupied, long outOfService) {}

    @Test
    void spotsAddedToAZoneContinueTheLotsNumberingAndTheCountersFollow() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));

        Reply added = post(lot, "F1", "B", "{\"spots\":{\"COMPACT\":2,\"EV_CHARGING\":1}}");

        assertThat(added.status()).isEqualTo(201);
        // F1 had A: _1_001.._1_002, B: _1_003.._1_004
        assertThat(added.json()
                        .path("spotIds")
                        .valueStream()
                        .map(n -> n.asString())
                        .toList())
                .containsExactly(lot.lotId() + "_1_005", lot.lotId() + "_1_006", lot.lotId() + "_1_007");
        assertThat(counts(lot, "F1", "B", "COMPACT")).isEqualTo(new Counts(4, 4, 0, 0));
        assertThat(counts(lot, "F1", "B", "EV_CHARGING")).isEqualTo(new Counts(1, 1, 0, 0));
        assertThat(count(
                        "select count(*) from spot where lot_id = ? and zone_code = 'B' and floor_id = 'F1'",
                        lot.lotId()))
                .isEqualTo(5);
        assertThat(audit.of(lot.lotId(), "spots.added")).singleElement().satisfies(e -> assertThat(e.after())
                .containsEntry("COMPACT", 2)
                .containsEntry("EV_CHARGING", 1));
    }

    @Test
    void placesAddedToACapacityLotZoneGrowItsCounter() {
        TestLot lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 3));

        Reply added = post(lot, "F2", "A", "{\"spots\":{\"COMPACT\":5,\"LARGE\":2}}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("spotIds").size()).isZero();
        assertThat(counts(lot, "F2", "A", "COMPACT")).isEqualTo(new Counts(8, 8, 0, 0));
        assertThat(counts(lot, "F2", "A", "LARGE")).isEqualTo(new Counts(2, 2, 0, 0));
        assertThat(count("select count(*) from spot where lot_id = ?", lot.lotId()))
                .isZero();
    }

    @Test
    void badCountsOrAnUnknownZoneAddNothing() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));

        List<Reply> refused = List.of(
                post(lot, "F1", "A", "{\"spots\":{\"COMPACT\":0}}"),
                post(lot, "F1", "A", "{\"spots\":{\"COMPACT\":-1}}"),
                post(lot, "F1", "A", "{\"spots\":{\"COMPACT\":20000}}"),
                post(lot, "F1", "A", "{\"spots\":{\"CARAVAN\":1}}"),
                post(lot, "F1", "Z", "{\"spots\":{\"COMPACT\":1}}"),
                post(lot, "F9", "A", "{\"spots\":{\"COMPACT\":1}}"));

        assertThat(refused).extracting(Reply::status).containsExactly(400, 400, 400, 400, 404, 404);
        assertThat(refused).allMatch(Reply::isProblem);
        assertThat(count("select count(*) from spot where lot_id = ?", lot.lotId()))
                .isEqualTo(3);
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 1, 0, 0));
        assertThat(http.withToken(tokenOf("operator"))
                        .post("/v1/lots/L1/floors/F1/zones/A/spots", "{\"spots\":{\"COMPACT\":1}}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aSpotGoesOutOfServiceForMaintenanceAndBack() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        String spot = lot.lotId() + "_1_001";

        Reply out = put(spot, "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"repainting the bay\"}");

        assertThat(out.status()).isEqualTo(200);
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 0, 0, 1));
        assertThat(audit.of(lot.lotId(), "spot.updated")).singleElement().satisfies(e -> assertThat(e.after())
                .containsEntry("reason", "repainting the bay"));
        assertThat(put(spot, "{\"status\":\"AVAILABLE\"}").json().path("status").asString())
                .isEqualTo("AVAILABLE");
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 1, 0, 0));
    }

    @Test
    void anOccupiedSpotGoesOutOfServiceOnlyWhenForcedWithAReason() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        Reply ticket = enter(lot);
        String spot = ticket.json().path("spot").path("spotId").asString();

        Reply notForced = put(spot, "{\"status\":\"OUT_OF_SERVICE\"}");
        Reply noReason = put(spot, "{\"status\":\"OUT_OF_SERVICE\",\"force\":true}");
        Reply retire = put(spot, "{\"status\":\"RETIRED\",\"force\":true,\"reason\":\"bay demolished\"}");

        assertThat(notForced.status()).isEqualTo(409);
        assertThat(notForced.problem()).isEqualTo("spot-in-use");
        assertThat(notForced.json().path("detail").asString()).contains("force=true");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(retire.status()).isEqualTo(409);
        assertThat(status(spot)).isEqualTo("OCCUPIED");
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 0, 1, 0));

        Reply forced = put(spot, "{\"status\":\"OUT_OF_SERVICE\",\"force\":true,\"reason\":\"oil leak under car\"}");

        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.json().path("vehicleInside").asBoolean()).isTrue();
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 0, 0, 1));
        assertThat(count("select count(*) from ticket where spot_id = ? and status = 'ACTIVE'", spot))
                .isEqualTo(1);
        assertThat(audit.of(lot.lotId(), "spot.forced_out_of_service"))
                .singleElement()
                .satisfies(e -> assertThat(e.after())
                        .containsEntry("reason", "oil leak under car")
                        .containsEntry("forced", true));

        // the vehicle leaves: its ticket closes as usual, the spot stays out of service
        Reply exit = http.post(
                "/v1/tickets/" + ticket.json().path("ticketId").asString() + "/exit",
                "{\"gateId\":\"%s\"}".formatted(lot.exitGate()));
        assertThat(exit.status()).isEqualTo(200);
        assertThat(status(spot)).isEqualTo("OUT_OF_SERVICE");
        assertThat(count("select count(*) from spot where id = ? and vehicle_inside", spot))
                .isZero();
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 0, 0, 1));
        assertThat(put(spot, "{\"status\":\"AVAILABLE\"}").json().path("status").asString())
                .isEqualTo("AVAILABLE");
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 1, 0, 0));
    }

    @Test
    void aForcedSpotPutBackWhileTheVehicleIsStillThereIsOccupiedNotFree() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        Reply ticket = enter(lot);
        String spot = ticket.json().path("spot").path("spotId").asString();
        put(spot, "{\"status\":\"OUT_OF_SERVICE\",\"force\":true,\"reason\":\"sensor check\"}");

        Reply back = put(spot, "{\"status\":\"AVAILABLE\"}");

        assertThat(back.json().path("status").asString()).isEqualTo("OCCUPIED");
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 0, 1, 0));
        assertThat(enter(lot).json().path("spot").path("spotId").asString()).isNotEqualTo(spot);
        http.post(
                "/v1/tickets/" + ticket.json().path("ticketId").asString() + "/exit",
                "{\"gateId\":\"%s\"}".formatted(lot.exitGate()));
        assertThat(status(spot)).isEqualTo("AVAILABLE");
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 1, 0, 0));
    }

    @Test
    void aRetiredSpotLeavesTheCountersAndCanBeBroughtBack() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));
        String spot = lot.lotId() + "_1_001";

        assertThat(put(spot, "{\"status\":\"RETIRED\",\"reason\":\"pillar added\"}")
                        .status())
                .isEqualTo(200);

        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(1, 1, 0, 0));
        assertThat(enter(lot).json().path("spot").path("spotId").asString()).isEqualTo(lot.lotId() + "_1_002");
        put(spot, "{\"status\":\"OUT_OF_SERVICE\"}");
        assertThat(counts(lot, "F1", "A", "COMPACT")).isEqualTo(new Counts(2, 0, 1, 1));
    }

    private Counts counts(TestLot lot, String floor, String zone, String type) {
        return jdbc.sql(
                        """
                        select total, available, occupied, out_of_service from zone_counter_now
                         where lot_id = ? and floor_id = ? and zone_code = ? and spot_type = ?
                        """)
                .params(lot.lotId(), floor, zone, type)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    private String status(String spot) {
        return jdbc.sql("select status from spot where id = ?")
                .param(spot)
                .query(String.class)
                .single();
    }

    private Reply enter(TestLot lot) {
        return http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                        .formatted(lot.lotId(), lot.entryGate()));
    }

    private Reply post(TestLot lot, String floor, String zone, String body) {
        return http.post("/v1/lots/%s/floors/%s/zones/%s/spots".formatted(lot.lotId(), floor, zone), body);
    }

    private Reply put(String spot, String body) {
        return http.put("/v1/spots/" + spot, body);
    }
}
