package org.parkline.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.AvailabilityFilter;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.LotMode;
import org.parkline.client.ParklineApiException;
import org.parkline.client.SpotStatus;
import org.parkline.client.SpotType;
import org.parkline.client.SpotUpdate;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.springframework.beans.factory.annotation.Autowired;

class AllocationIT extends IntegrationTest {

    private static final Map<SpotType, Integer> ONE_OF_EACH = Map.of(
            SpotType.COMPACT,
            1,
            SpotType.LARGE,
            1,
            SpotType.MOTORBIKE,
            1,
            SpotType.EV_CHARGING,
            1,
            SpotType.DISABLED,
            1);

    @Autowired
    SpotHolds holds;

    private int seq;

    @Test
    void eachVehicleGetsTheSpotTypeItNeeds() {
        TestLot lot = lots().create(LotMode.SPOT, ONE_OF_EACH);

        assertThat(enter(lot, VehicleType.MOTORBIKE, false, false).spot().type())
                .isEqualTo(SpotType.MOTORBIKE);
        assertThat(enter(lot, VehicleType.TRUCK, false, false).spot().type()).isEqualTo(SpotType.LARGE);
        assertThat(enter(lot, VehicleType.CAR, false, false).spot().type()).isEqualTo(SpotType.COMPACT);
        assertThat(enter(lot, VehicleType.EV, true, false).spot().type()).isEqualTo(SpotType.EV_CHARGING);
        assertThat(enter(lot, VehicleType.CAR, false, true).spot().type()).isEqualTo(SpotType.DISABLED);
    }

    @Test
    void carsNeverTakeEvOrDisabledBaysEvenWhenTheRestIsFull() {
        TestLot lot = lots().create(LotMode.SPOT, ONE_OF_EACH);
        for (int i = 0; i < 6; i++) {
            assertThat(enter(lot, VehicleType.CAR, false, false).spot().type()).isIn(SpotType.COMPACT, SpotType.LARGE);
        }

        assertThatThrownBy(() -> enter(lot, VehicleType.CAR, false, false))
                .isInstanceOfSatisfying(
                        ParklineApiException.class, e -> assertThat(e.problem()).isEqualTo("lot-full"));
        var counts = api.availability(lot.lotId(), AvailabilityFilter.all()).counts();
        assertThat(counts.get(SpotType.EV_CHARGING)).isEqualTo(3);
        assertThat(counts.get(SpotType.DISABLED)).isEqualTo(3);
    }

    @Test
    void carsFillCompactBeforeLargeAndTheGatesZoneFirst() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2, SpotType.LARGE, 2));

        Ticket first = enter(lot, VehicleType.CAR, false, false);
        Ticket second = enter(lot, VehicleType.CAR, false, false);
        Ticket third = enter(lot, VehicleType.CAR, false, false);

        assertThat(first.spot().zone()).isEqualTo("A");
        assertThat(first.spot().floorId()).isEqualTo("F1");
        assertThat(second.spot().zone()).isEqualTo("A");
        assertThat(third.spot().zone()).isEqualTo("B");
        assertThat(third.spot().type()).isEqualTo(SpotType.COMPACT);
    }

    @Test
    void aSpotOutOfServiceIsNeverAllocatedAndCountersFollow() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        String spotId = lot.lotId() + "_1_001";

        var updated = api.updateSpot(spotId, new SpotUpdate(SpotStatus.OUT_OF_SERVICE, null), "oos-" + spotId);

        assertThat(updated.status()).isEqualTo(SpotStatus.OUT_OF_SERVICE);
        assertThat(api.availability(lot.lotId(), AvailabilityFilter.all())
                        .counts()
                        .get(SpotType.COMPACT))
                .isEqualTo(2);
        Ticket a = enter(lot, VehicleType.CAR, false, false);
        Ticket b = enter(lot, VehicleType.CAR, false, false);
        assertThat(a.spot().spotId()).isNotEqualTo(spotId);
        assertThat(b.spot().spotId()).isNotEqualTo(spotId);
        assertThatThrownBy(() -> enter(lot, VehicleType.CAR, false, false)).isInstanceOf(ParklineApiException.class);
        assertThatThrownBy(() -> api.updateSpot(
                        a.spot().spotId(), new SpotUpdate(SpotStatus.OUT_OF_SERVICE, null), "oos-busy-" + spotId))
                .isInstanceOfSatisfying(
                        ParklineApiException.class, e -> assertThat(e.problem()).isEqualTo("spot-in-use"));
        assertCountersMatchSpots(lot);
    }

    @Test
    void changingASpotsTypeMovesItBetweenCounters() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));

        api.updateSpot(lot.lotId() + "_2_001", new SpotUpdate(null, SpotType.EV_CHARGING), "type-" + lot.lotId());

        var counts = api.availability(lot.lotId(), AvailabilityFilter.all()).counts();
        assertThat(counts.get(SpotType.COMPACT)).isEqualTo(2);
        assertThat(counts.get(SpotType.EV_CHARGING)).isEqualTo(1);
        assertCountersMatchSpots(lot);
    }

    @Test
    void aHeldSpotGoesToTheVehicleWithTheHoldAndExpiresOtherwise() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        var held = http.post("/v1/lots/" + lot.lotId() + "/holds", "{\"spotType\":\"COMPACT\",\"minutes\":30}");
        assertThat(held.status()).isEqualTo(201);
        String holdId = held.json().path("holdId").asString();
        String heldSpot = held.json().path("spotId").asString();
        assertThat(spotStatus(heldSpot)).isEqualTo("RESERVED");

        Ticket withHold = api.enter(
                new EntryRequest(
                        lot.lotId(), lot.entryGate(), Vehicle.of(VehicleType.CAR), EntryPreferences.none(), holdId),
                "hold-entry-" + lot.lotId());
        assertThat(withHold.spot().spotId()).isEqualTo(heldSpot);

        var second = http.post("/v1/lots/" + lot.lotId() + "/holds", "{\"spotType\":\"COMPACT\",\"minutes\":5}");
        String secondSpot = second.json().path("spotId").asString();
        clock.advance(Duration.ofMinutes(6));
        assertThat(holds.releaseExpired()).isGreaterThanOrEqualTo(1);
        assertThat(spotStatus(secondSpot)).isEqualTo("AVAILABLE");
        var expired = http.post(
                "/v1/tickets/entry",
                """
                {"lotId":"%s","gateId":"%s","vehicle":{"type":"CAR"},"holdId":"%s"}"""
                        .formatted(
                                lot.lotId(),
                                lot.entryGate(),
                                second.json().path("holdId").asString()));
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.problem()).isEqualTo("hold-not-active");
        assertCountersMatchSpots(lot);
    }

    private Ticket enter(TestLot lot, VehicleType type, boolean ev, boolean disabled) {
        return api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), Vehicle.of(type), new EntryPreferences(ev, disabled)),
                "alloc-" + lot.lotId() + "-" + (++seq));
    }

    private String spotStatus(String spotId) {
        return jdbc.sql("select status from spot where id = ?")
                .param(spotId)
                .query(String.class)
                .single();
    }

    private void assertCountersMatchSpots(TestLot lot) {
        assertThat(count(
                        """
                select count(*) from zone_counter_now c
                cross join lateral (
                    select count(*) filter (where status = 'AVAILABLE') as available,
                           count(*) filter (where status = 'OCCUPIED') as occupied,
                           count(*) filter (where status = 'RESERVED') as reserved,
                           count(*) filter (where status = 'OUT_OF_SERVICE') as out_of_service,
                           count(*) as total
                      from spot s where s.lot_id = c.lot_id and s.floor_id = c.floor_id
                       and s.zone_code = c.zone_code and s.type = c.spot_type) truth
                 where c.lot_id = ?
                   and (c.available, c.occupied, c.reserved, c.out_of_service, c.total)
                       is distinct from (truth.available, truth.occupied, truth.reserved, truth.out_of_service, truth.total)
                """,
                        lot.lotId()))
                .isZero();
    }
}
