package org.parkline.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.AvailabilityFilter;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.GateQuota;
import org.parkline.client.LotMode;
import org.parkline.client.ParklineApiException;
import org.parkline.client.ParklineClient;
import org.parkline.client.SpotType;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.EdgeLot;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.RawHttp;

/** The offline quota in escrow: held places leave availability and allocation until used or returned. */
class EdgeQuotaIT extends IntegrationTest {

    @Test
    void heldPlacesAreSubtractedFromAvailabilityAndNeverAllocated() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 1), 1, 1);
        ParklineClient gate = clientWithKey(lot.key(lot.entry()));

        GateQuota quota = gate.adjustGateQuota(lot.entry(), Map.of(VehicleType.CAR, 2), "q-1");

        assertThat(quota.places()).hasSize(2).allSatisfy(p -> assertThat(p.spotId())
                .isNotNull());
        assertThat(available(lot)).isEqualTo(1);
        assertThat(count("select count(*) from spot where lot_id = ? and status = 'RESERVED'", lot.lotId()))
                .isEqualTo(2);
        String parked = gate.enter(entry(lot, "SGP1A"), "in-1").spot().spotId();
        assertThat(quota.places()).noneMatch(p -> p.spotId().equals(parked));
        assertThatThrownBy(() -> gate.enter(entry(lot, "SGP2A"), "in-2"))
                .isInstanceOfSatisfying(
                        ParklineApiException.class, e -> assertThat(e.problem()).isEqualTo("lot-full"));
    }

    @Test
    void adjustingTopsUpToTheTargetReturnsTheExcessAndHoldsFewerWhenTheLotIsNearlyFull() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 1), 1, 1);
        ParklineClient gate = clientWithKey(lot.key(lot.entry()));

        assertThat(gate.adjustGateQuota(lot.entry(), Map.of(VehicleType.CAR, 5), "q-1")
                        .places())
                .as("three compact spots in the lot")
                .hasSize(3);
        assertThat(gate.adjustGateQuota(lot.entry(), Map.of(VehicleType.CAR, 1), "q-2")
                        .places())
                .hasSize(1);
        assertThat(available(lot)).isEqualTo(2);
        assertThat(gate.adjustGateQuota(lot.entry(), Map.of(VehicleType.CAR, 1), "q-3")
                        .places())
                .as("already at the target")
                .hasSize(1);
        assertThat(count(
                        "select count(*) from audit_entry where lot_id = ? and action = 'quota.adjusted'", lot.lotId()))
                .isEqualTo(2);
    }

    @Test
    void returningTheQuotaGivesThePlacesBack() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);
        ParklineClient gate = clientWithKey(lot.key(lot.entry()));
        List<GateQuota.Place> held = gate.adjustGateQuota(lot.entry(), Map.of(VehicleType.CAR, 3), "q-1")
                .places();

        GateQuota left =
                gate.returnGateQuota(lot.entry(), List.of(held.getFirst().placeId()), "r-1");
        assertThat(left.places()).hasSize(2);
        assertThat(gate.returnGateQuota(lot.entry(), null, "r-2").places()).isEmpty();

        assertThat(available(lot)).isEqualTo(6);
        assertThat(count("select count(*) from spot where lot_id = ? and status <> 'AVAILABLE'", lot.lotId()))
                .isZero();
        assertThat(count("select count(*) from edge_quota_place where lot_id = ? and status = 'RETURNED'", lot.lotId()))
                .isEqualTo(3);
    }

    @Test
    void aCapacityLotHoldsCountedPlaces() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.CAPACITY, Map.of(SpotType.COMPACT, 2), 1, 1);
        ParklineClient gate = clientWithKey(lot.key(lot.entry()));

        GateQuota quota = gate.adjustGateQuota(lot.entry(), Map.of(VehicleType.CAR, 4), "q-1");

        assertThat(quota.places()).hasSize(4).allSatisfy(p -> assertThat(p.spotId())
                .isNull());
        assertThat(available(lot)).isEqualTo(2);
        assertThat(count("select coalesce(sum(reserved), 0) from zone_counter_now where lot_id = ?", lot.lotId()))
                .isEqualTo(4);
        gate.returnGateQuota(lot.entry(), null, "r-1");
        assertThat(available(lot)).isEqualTo(6);
    }

    @Test
    void badTargetsAndExitGatesAreRefusedAndNothingIsHeld() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);
        RawHttp device = http.withApiKey(lot.key(lot.entry()));

        RawHttp.Reply unknownType = device.put("/v1/gates/" + lot.entry() + "/quota", "{\"places\":{\"BUS\":2}}");
        RawHttp.Reply negative = device.put("/v1/gates/" + lot.entry() + "/quota", "{\"places\":{\"CAR\":-1}}");
        RawHttp.Reply exitGate = http.withApiKey(lot.key(lot.exit()))
                .put("/v1/gates/" + lot.exit() + "/quota", "{\"places\":{\"CAR\":1}}");
        RawHttp.Reply otherGate = device.put("/v1/gates/" + lot.exit() + "/quota", "{\"places\":{\"CAR\":1}}");

        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(exitGate.status()).isEqualTo(422);
        assertThat(exitGate.problem()).isEqualTo("wrong-gate-direction");
        assertThat(otherGate.status()).isEqualTo(403);
        assertThat(count("select count(*) from edge_quota_place where lot_id = ?", lot.lotId()))
                .isZero();
        assertThat(available(lot)).isEqualTo(6);
    }

    private int available(EdgeLot lot) {
        return api.availability(lot.lotId(), AvailabilityFilter.all()).available(SpotType.COMPACT);
    }

    private static EntryRequest entry(EdgeLot lot, String plate) {
        return EntryRequest.of(lot.lotId(), lot.entry(), new Vehicle(VehicleType.CAR, plate), EntryPreferences.none());
    }
}
