package org.parkline.server.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.parkline.client.GateDirection;
import org.parkline.client.LotLayout;
import org.parkline.client.LotLayout.FloorLayout;
import org.parkline.client.LotLayout.GateLayout;
import org.parkline.client.LotLayout.ZoneLayout;
import org.parkline.client.LotMode;
import org.parkline.client.ParklineClient;
import org.parkline.client.SpotType;

/**
 * A fresh lot for edge controller tests: {@code entries} entry gates and {@code exits} exit gates on F1/A, each
 * with its own device key, and the controller's lot-wide key (what a controller's configuration holds).
 */
public record EdgeLot(
        String lotId, List<String> entryGates, List<String> exitGates, Map<String, String> keys, String lotKey) {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public String entry() {
        return entryGates.getFirst();
    }

    public String exit() {
        return exitGates.getFirst();
    }

    public String key(String gateId) {
        return keys.get(gateId);
    }

    /** Floors F1 (zones A, B) and F2 (zone A), {@code perZone} spots of each type in every zone. */
    public static EdgeLot create(
            ParklineClient admin, RawHttp http, LotMode mode, Map<SpotType, Integer> perZone, int entries, int exits) {
        String id = "ED" + ProcessHandle.current().pid() % 1000 + "X" + SEQ.incrementAndGet();
        List<GateLayout> gates = new ArrayList<>();
        List<String> entryGates = new ArrayList<>();
        List<String> exitGates = new ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            entryGates.add(id + "_E" + i);
            gates.add(new GateLayout(id + "_E" + i, GateDirection.ENTRY, "F1", "A"));
        }
        for (int i = 1; i <= exits; i++) {
            exitGates.add(id + "_X" + i);
            gates.add(new GateLayout(id + "_X" + i, GateDirection.EXIT, "F1", "A"));
        }
        admin.createLot(
                new LotLayout(
                        id,
                        "Edge test lot " + id,
                        null,
                        "Asia/Singapore",
                        "SGD",
                        mode,
                        id,
                        List.of(
                                new FloorLayout(
                                        "F1",
                                        "Level 1",
                                        1,
                                        List.of(new ZoneLayout("A", "A", perZone), new ZoneLayout("B", "B", perZone))),
                                new FloorLayout("F2", "Level 2", 2, List.of(new ZoneLayout("A", "A", perZone)))),
                        gates,
                        Lots.TARIFF),
                "create-" + id);
        Map<String, String> keys = new LinkedHashMap<>();
        for (GateLayout gate : gates) {
            RawHttp.Reply issued = http.post(
                    "/v1/lots/" + id + "/device-keys",
                    "{\"kind\":\"GATE\",\"gateId\":\"%s\",\"label\":\"edge %s\"}"
                            .formatted(gate.gateId(), gate.gateId()),
                    "key-" + gate.gateId());
            if (issued.status() != 201) throw new IllegalStateException("device key: " + issued.body());
            keys.put(gate.gateId(), issued.json().path("apiKey").asString());
        }
        RawHttp.Reply lotWide = http.post(
                "/v1/lots/" + id + "/device-keys", "{\"kind\":\"GATE\",\"label\":\"edge controller\"}", "key-" + id);
        if (lotWide.status() != 201) throw new IllegalStateException("device key: " + lotWide.body());
        return new EdgeLot(
                id,
                List.copyOf(entryGates),
                List.copyOf(exitGates),
                Map.copyOf(keys),
                lotWide.json().path("apiKey").asString());
    }
}
