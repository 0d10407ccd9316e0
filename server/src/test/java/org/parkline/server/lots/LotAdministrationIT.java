package org.parkline.server.lots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.AuditTrail;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator edits a lot after it was created; every change is audited, every refusal changes nothing. */
class LotAdministrationIT extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    private TestLot lot;

    @BeforeEach
    void aLot() {
        lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));
    }

    @Test
    void renamingALotChangesItsNameAndAddressAndIsAuditedWithBeforeAndAfter() {
        Reply changed = patch("/v1/lots/" + lot.lotId(), "{\"name\":\"  Marina West  \",\"address\":\"1 Bay Rd\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo("Marina West");
        assertThat(http.get("/v1/lots/" + lot.lotId()).json().path("address").asString())
                .isEqualTo("1 Bay Rd");
        assertThat(audit.of(lot.lotId(), "lot.updated")).singleElement().satisfies(e -> {
            assertThat(e.before()).containsEntry("name", "Test lot " + lot.lotId());
            assertThat(e.after()).containsEntry("name", "Marina West").containsEntry("address", "1 Bay Rd");
        });
    }

    @Test
    void aLotsTimezoneCannotChangeAndNothingElseInTheRequestIsApplied() {
        Reply refused = patch("/v1/lots/" + lot.lotId(), "{\"name\":\"Other\",\"timezone\":\"Europe/London\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problem()).isEqualTo("timezone-fixed");
        assertThat(count("select count(*) from lot where id = ? and name = ?", lot.lotId(), "Test lot " + lot.lotId()))
                .isEqualTo(1);
        assertThat(audit.of(lot.lotId(), "lot.updated")).isEmpty();
    }

    @Test
    void aDisabledLotRefusesEntriesWithAClearConflictButLetsVehiclesLeave() {
        String inside = enter().json().path("ticketId").asString();

        Reply disabled = patch("/v1/lots/" + lot.lotId(), "{\"enabled\":false}");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        Reply refused = enter();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("lot-disabled");
        assertThat(refused.json().path("detail").asString()).contains("disabled");
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
        assertThat(http.post("/v1/tickets/" + inside + "/exit", "{\"gateId\":\"%s\"}".formatted(lot.exitGate()))
                        .status())
                .isEqualTo(200);
        assertThat(audit.of(lot.lotId(), "lot.disabled")).singleElement().satisfies(e -> assertThat(e.after())
                .containsEntry("enabled", false));

        patch("/v1/lots/" + lot.lotId(), "{\"enabled\":true}");
        assertThat(enter().status()).isEqualTo(201);
        assertThat(audit.of(lot.lotId(), "lot.enabled")).hasSize(1);
    }

    @Test
    void anOperatorCannotEditALotAndAnUnknownLotIsNotFound() {
        RawHttp operator = http.withToken(tokenOf("operator"));

        assertThat(operator.send("PATCH", "/v1/lots/" + lot.lotId(), "{\"enabled\":false}", null)
                        .status())
                .isEqualTo(403);
        assertThat(patch("/v1/lots/NOPE", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(patch("/v1/lots/" + lot.lotId(), "{\"name\":\"   \"}").status())
                .isEqualTo(400);
        assertThat(count("select count(*) from lot where id = ? and enabled", lot.lotId()))
                .isEqualTo(1);
        assertThat(audit.of(lot.lotId(), "lot.disabled")).isEmpty();
    }

    @Test
    void aNewFloorAndZoneWithSpotsTakeVehiclesOnceTheOldZonesAreOutOfService() {
        assertThat(post("/v1/lots/" + lot.lotId() + "/floors", "{\"floorId\":\"F3\",\"name\":\"Roof\",\"level\":3}")
                        .status())
                .isEqualTo(201);
        assertThat(post("/v1/lots/" + lot.lotId() + "/floors/F3/zones", "{\"zone\":\"R\"}")
                        .status())
                .isEqualTo(201);
        Reply spots = post("/v1/lots/" + lot.lotId() + "/floors/F3/zones/R/spots", "{\"spots\":{\"COMPACT\":1}}");
        assertThat(spots.status()).isEqualTo(201);
        for (String part : new String[] {"/floors/F1", "/floors/F2/zones/A"}) {
            assertThat(patch("/v1/lots/" + lot.lotId() + part, "{\"enabled\":false}")
                            .status())
                    .isEqualTo(200);
        }

        Reply entered = enter();

        assertThat(entered.status()).isEqualTo(201);
        assertThat(entered.json().path("spot").path("spotId").asString()).isEqualTo(lot.lotId() + "_3_001");
        assertThat(enter().problem()).isEqualTo("lot-full");
        assertThat(audit.of(lot.lotId(), "floor.added")).hasSize(1);
        assertThat(audit.of(lot.lotId(), "zone.added")).hasSize(1);
        assertThat(audit.of(lot.lotId(), "floor.updated")).singleElement().satisfies(e -> assertThat(e.after())
                .containsEntry("enabled", false));
        assertThat(audit.of(lot.lotId(), "zone.updated")).hasSize(1);

        patch("/v1/lots/" + lot.lotId() + "/floors/F1", "{\"enabled\":true,\"name\":\"Ground\"}");
        assertThat(enter().status()).isEqualTo(201);
        var floors = http.get("/v1/lots/" + lot.lotId()).json().path("floors");
        assertThat(floors.get(0).path("name").asString()).isEqualTo("Ground");
    }

    @Test
    void aFloorOrZoneThatExistsOrALevelThatIsTakenIsRefusedAndNothingIsAdded() {
        Reply sameFloor = post("/v1/lots/" + lot.lotId() + "/floors", "{\"floorId\":\"F1\",\"level\":9}");
        Reply sameLevel = post("/v1/lots/" + lot.lotId() + "/floors", "{\"floorId\":\"F9\",\"level\":2}");
        Reply sameZone = post("/v1/lots/" + lot.lotId() + "/floors/F1/zones", "{\"zone\":\"A\"}");
        Reply noFloor = post("/v1/lots/" + lot.lotId() + "/floors/F7/zones", "{\"zone\":\"C\"}");
        Reply badId = post("/v1/lots/" + lot.lotId() + "/floors", "{\"floorId\":\"a b\",\"level\":5}");

        assertThat(sameFloor.problem()).isEqualTo("floor-exists");
        assertThat(sameLevel.status()).isEqualTo(409);
        assertThat(sameLevel.problem()).isEqualTo("level-taken");
        assertThat(sameZone.problem()).isEqualTo("zone-exists");
        assertThat(noFloor.status()).isEqualTo(404);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(count("select count(*) from floor where lot_id = ?", lot.lotId()))
                .isEqualTo(2);
        assertThat(count("select count(*) from zone where lot_id = ?", lot.lotId()))
                .isEqualTo(3);
        assertThat(audit.of(lot.lotId(), "floor.added")).isEmpty();
    }

    @Test
    void aGateIsAddedMovedDisabledAndEnabled() {
        Reply added = post(
                "/v1/lots/" + lot.lotId() + "/gates",
                "{\"gateId\":\"%s_E2\",\"direction\":\"ENTRY\",\"floorId\":\"F2\",\"zone\":\"A\"}"
                        .formatted(lot.lotId()));
        assertThat(added.status()).isEqualTo(201);
        String gate = lot.lotId() + "_E2";
        Reply entered = http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}".formatted(lot.lotId(), gate));
        assertThat(entered.json().path("floorId").asString()).isEqualTo("F2");

        Reply moved = patch("/v1/lots/" + lot.lotId() + "/gates/" + gate, "{\"floorId\":\"F1\",\"zone\":\"B\"}");
        assertThat(moved.json().path("floorId").asString()).isEqualTo("F1");
        assertThat(moved.json().path("zone").asString()).isEqualTo("B");
        Reply disabled = http.withToken(tokenOf("operator"))
                .send("PATCH", "/v1/lots/" + lot.lotId() + "/gates/" + gate, "{}", null);
        assertThat(disabled.status()).isEqualTo(403); // the demo operator works in L1 only
        assertThat(patch("/v1/lots/" + lot.lotId() + "/gates/" + gate, "{\"enabled\":false}")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DISABLED");
        Reply refused = http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}".formatted(lot.lotId(), gate));
        assertThat(refused.problem()).isEqualTo("gate-closed");
        assertThat(patch("/v1/lots/" + lot.lotId() + "/gates/" + gate, "{\"enabled\":true}")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("NORMAL");
        assertThat(audit.of(lot.lotId(), "gate.added")).hasSize(1);
        assertThat(audit.of(lot.lotId(), "gate.updated")).singleElement().satisfies(e -> {
            assertThat(e.before()).containsEntry("floorId", "F2");
            assertThat(e.after()).containsEntry("floorId", "F1").containsEntry("zone", "B");
        });
        assertThat(audit.of(lot.lotId(), "gate.disabled")).hasSize(1);
        assertThat(audit.of(lot.lotId(), "gate.enabled")).hasSize(1);
    }

    @Test
    void aGateIdInUseOrAGateOnAnUnknownFloorIsRefusedAndNothingIsAdded() {
        Reply taken = post(
                "/v1/lots/" + lot.lotId() + "/gates",
                "{\"gateId\":\"GATE_E_01\",\"direction\":\"ENTRY\",\"floorId\":\"F1\"}");
        Reply nowhere = post(
                "/v1/lots/" + lot.lotId() + "/gates",
                "{\"gateId\":\"%s_Q\",\"direction\":\"EXIT\",\"floorId\":\"F9\"}".formatted(lot.lotId()));
        Reply badMove = patch("/v1/lots/" + lot.lotId() + "/gates/" + lot.entryGate(), "{\"zone\":\"Q\"}");

        assertThat(taken.problem()).isEqualTo("gate-exists");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(badMove.status()).isEqualTo(400);
        assertThat(count("select count(*) from gate where lot_id = ?", lot.lotId()))
                .isEqualTo(2);
        assertThat(count("select count(*) from gate where id = ? and zone_code = 'A'", lot.entryGate()))
                .isEqualTo(1);
        assertThat(audit.of(lot.lotId(), "gate.added")).isEmpty();
    }

    private Reply enter() {
        return http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                        .formatted(lot.lotId(), lot.entryGate()));
    }

    private Reply patch(String path, String body) {
        return http.send("PATCH", path, body, null);
    }

    private Reply post(String path, String body) {
        return http.post(path, body);
    }
}
