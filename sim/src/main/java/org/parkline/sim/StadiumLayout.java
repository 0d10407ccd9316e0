package org.parkline.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parkline.client.GateDirection;
import org.parkline.client.LotLayout;
import org.parkline.client.LotLayout.FloorLayout;
import org.parkline.client.LotLayout.GateLayout;
import org.parkline.client.LotLayout.ZoneLayout;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;

/**
 * A stadium garage of a given size: floors of up to 2,500 spots in four zones, mostly compact spots
 * with some motorbike, large, EV and accessible ones, and entry and exit gates spread over the floors.
 */
final class StadiumLayout {

    static final int SPOTS_PER_FLOOR = 2_500;
    private static final List<String> ZONES = List.of("A", "B", "C", "D");
    private static final Map<SpotType, Double> SHARES =
            Map.of(SpotType.MOTORBIKE, 0.04, SpotType.LARGE, 0.05, SpotType.EV_CHARGING, 0.05, SpotType.DISABLED, 0.02);

    /**
     * A match-day tariff with no free minutes, so every stay in a burst owes money and the payment
     * path is measured: 2.50 an hour, at most 20.00 a day.
     */
    static final Map<String, Object> EVENT_TARIFF = Map.of(
            "currency",
            "SGD",
            "rules",
            List.of(
                    Map.of("id", "event_hourly", "kind", "HOURLY", "rate", "2.50"),
                    Map.of("id", "event_daily_cap", "kind", "DAILY_CAP", "amount", "20.00")));

    private StadiumLayout() {}

    /** The lot, with {@code pricing} as its rule set ({@code null}: the server's default). */
    static LotLayout of(String lotId, int spots, int gates, Map<String, Object> pricing) {
        int floors = Math.ceilDiv(spots, SPOTS_PER_FLOOR);
        int zonesPerFloor = Math.min(ZONES.size(), Math.ceilDiv(spots, floors));
        List<FloorLayout> floorLayouts = new ArrayList<>();
        for (int f = 0; f < floors; f++) {
            int floorSpots = share(spots, floors, f);
            List<ZoneLayout> zones = new ArrayList<>();
            for (int z = 0; z < zonesPerFloor; z++) {
                String zone = ZONES.get(z);
                zones.add(new ZoneLayout(zone, "Zone " + zone, spotMix(share(floorSpots, zonesPerFloor, z))));
            }
            floorLayouts.add(new FloorLayout(floorId(f), "Level " + (f + 1), f + 1, zones));
        }
        List<GateLayout> gateLayouts = new ArrayList<>();
        for (int g = 0; g < gates; g++) {
            String floor = floorId(g % floors);
            String zone = ZONES.get((g / floors) % zonesPerFloor);
            gateLayouts.add(new GateLayout(entryGate(lotId, g), GateDirection.ENTRY, floor, zone));
        }
        for (int g = 0; g < gates; g++) {
            String floor = floorId(g % floors);
            String zone = ZONES.get((g / floors) % zonesPerFloor);
            gateLayouts.add(new GateLayout(exitGate(lotId, g), GateDirection.EXIT, floor, zone));
        }
        return new LotLayout(
                lotId,
                "Stadium burst " + lotId,
                null,
                "Asia/Singapore",
                "SGD",
                LotMode.SPOT,
                lotId,
                floorLayouts,
                gateLayouts,
                pricing);
    }

    static String entryGate(String lotId, int gate) {
        return "%s_E_%02d".formatted(lotId, gate + 1);
    }

    static String exitGate(String lotId, int gate) {
        return "%s_X_%02d".formatted(lotId, gate + 1);
    }

    /** Spots per type in a zone of {@code spots}: the special types by share, the rest compact. */
    static Map<SpotType, Integer> spotMix(int spots) {
        Map<SpotType, Integer> mix = new EnumMap<>(SpotType.class);
        int special = 0;
        for (SpotType type : SpotType.values()) {
            int count = (int) Math.floor(spots * SHARES.getOrDefault(type, 0.0));
            if (count > 0) {
                mix.put(type, count);
                special += count;
            }
        }
        if (spots - special > 0) {
            mix.put(SpotType.COMPACT, spots - special);
        }
        return mix;
    }

    private static String floorId(int floorIndex) {
        return "F" + (floorIndex + 1);
    }

    /** The {@code index}-th of {@code parts} near-equal parts of {@code total}. */
    private static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
