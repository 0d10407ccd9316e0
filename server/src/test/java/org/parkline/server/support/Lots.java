package org.parkline.server.support;

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

/** Makes a fresh lot per test, so tests never share spots or counters. */
public final class Lots {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The default test tariff: 15 free minutes, 2.00 per started hour, 20.00 a day. */
    public static final Map<String, Object> TARIFF = Map.of(
            "currency",
            "SGD",
            "rules",
            List.of(
                    Map.of("id", "free_15", "kind", "FREE_MINUTES", "minutes", 15),
                    Map.of("id", "hourly", "kind", "HOURLY", "rate", "2.00"),
                    Map.of("id", "daily_cap", "kind", "DAILY_CAP", "amount", "20.00")));

    private final ParklineClient api;

    Lots(ParklineClient api) {
        this.api = api;
    }

    /** A lot's ids: entry gate {@code <id>_E}, exit gate {@code <id>_X}, both on floor F1 zone A. */
    public record TestLot(String lotId, String entryGate, String exitGate) {}

    /** Two floors; F1 has zones A and B, F2 has zone A; {@code perZone} spots of each type in every zone. */
    public TestLot create(LotMode mode, Map<SpotType, Integer> perZone) {
        String id = "T" + ProcessHandle.current().pid() % 1000 + "X" + SEQ.incrementAndGet();
        api.createLot(
                new LotLayout(
                        id,
                        "Test lot " + id,
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
                        List.of(
                                new GateLayout(id + "_E", GateDirection.ENTRY, "F1", "A"),
                                new GateLayout(id + "_X", GateDirection.EXIT, "F1", "A")),
                        TARIFF),
                "create-" + id);
        return new TestLot(id, id + "_E", id + "_X");
    }
}
