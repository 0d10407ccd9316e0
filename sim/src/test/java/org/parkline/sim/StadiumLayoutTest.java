package org.parkline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.GateDirection;
import org.parkline.client.LotLayout;
import org.parkline.client.SpotType;

class StadiumLayoutTest {

    @Test
    void twentyThousandSpotsMakeEightFloorsOfFourZonesAndMostlyCompactSpots() {
        LotLayout lot = StadiumLayout.of("BURST_1771900000", 20_000, 64, null);

        assertThat(lot.floors()).hasSize(8).allSatisfy(floor -> assertThat(floor.zones())
                .hasSize(4));
        assertThat(spots(lot, null)).isEqualTo(20_000);
        assertThat(spots(lot, SpotType.COMPACT)).isGreaterThan(16_000);
        assertThat(List.of(SpotType.LARGE, SpotType.EV_CHARGING, SpotType.MOTORBIKE, SpotType.DISABLED))
                .allSatisfy(type -> assertThat(spots(lot, type)).isPositive());
    }

    @Test
    void everyFloorGetsEntryAndExitGatesWithIdsTheServerAccepts() {
        LotLayout lot = StadiumLayout.of("BURST_1771900000", 20_000, 64, null);

        assertThat(lot.gates()).hasSize(128);
        assertThat(lot.gates().stream().filter(g -> g.direction() == GateDirection.ENTRY))
                .hasSize(64);
        assertThat(lot.gates().stream().map(LotLayout.GateLayout::floorId).distinct())
                .hasSize(8);
        assertThat(lot.gates()).allSatisfy(gate -> assertThat(gate.gateId()).matches("[A-Za-z0-9_-]{1,32}"));
        assertThat(lot.gates().getFirst().gateId()).isEqualTo("BURST_1771900000_E_01");
        assertThat(lot.spotIdPrefix()).matches("[A-Za-z0-9_-]{1,16}");
    }

    @Test
    void theQuickLotIsOneFloor() {
        LotLayout lot = StadiumLayout.of("Q", 500, 8, StadiumLayout.EVENT_TARIFF);

        assertThat(lot.floors()).hasSize(1);
        assertThat(spots(lot, null)).isEqualTo(500);
        assertThat(lot.gates()).hasSize(16);
        assertThat(lot.pricing()).containsEntry("currency", "SGD");
    }

    @Test
    void aTinyZoneIsAllCompact() {
        assertThat(StadiumLayout.spotMix(10)).isEqualTo(Map.of(SpotType.COMPACT, 10));
        assertThat(StadiumLayout.spotMix(100))
                .containsEntry(SpotType.COMPACT, 84)
                .containsEntry(SpotType.EV_CHARGING, 5)
                .containsEntry(SpotType.DISABLED, 2);
    }

    @Test
    void arrivalsAreRepeatableAndAboutOneInTwentyIsRetried() {
        long retried = 0;
        for (int car = 0; car < 10_000; car++) {
            Arrival arrival = Arrival.of(car, 42, 0.05);
            assertThat(arrival).isEqualTo(Arrival.of(car, 42, 0.05));
            retried += arrival.retried() ? 1 : 0;
        }
        assertThat(retried).isBetween(400L, 600L);
    }

    private static int spots(LotLayout lot, SpotType type) {
        return lot.floors().stream()
                .flatMap(floor -> floor.zones().stream())
                .flatMap(zone -> zone.spots().entrySet().stream())
                .filter(entry -> type == null || entry.getKey() == type)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
