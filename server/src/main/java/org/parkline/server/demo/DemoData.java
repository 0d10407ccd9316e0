package org.parkline.server.demo;

import java.util.List;
import java.util.Map;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.lots.LotLayout;
import org.parkline.server.lots.LotLayout.FloorLayout;
import org.parkline.server.lots.LotLayout.GateLayout;
import org.parkline.server.lots.LotLayout.ZoneLayout;
import org.parkline.server.lots.LotMode;
import org.parkline.server.lots.LotRegistry;
import org.parkline.server.lots.SpotType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * L1, a Singapore garage assigning spots (3 floors, every spot type, gates GATE_E_01 and GATE_X_02), and L2, a London
 * car park counting places. Created once; a restart finds them and leaves them as they are.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "parkline.demo-data")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final LotCatalog catalog;
    private final LotRegistry registry;
    private final JsonMapper json;

    DemoData(LotCatalog catalog, LotRegistry registry, JsonMapper json) {
        this.catalog = catalog;
        this.registry = registry;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (LotLayout lot : List.of(marinaGarage(), harbourCarPark())) {
            if (catalog.lot(lot.lotId()).isEmpty()) {
                registry.create(lot);
                log.info("Demo data: created lot {} ({})", lot.lotId(), lot.name());
            }
        }
    }

    private LotLayout marinaGarage() {
        String tariff =
                """
                {"currency":"SGD","rules":[
                  {"id":"free_15","kind":"FREE_MINUTES","minutes":15},
                  {"id":"grace_15","kind":"GRACE_PERIOD","minutes":15},
                  {"id":"weekday_hourly","kind":"HOURLY","rate":"3.25"},
                  {"id":"daily_cap","kind":"DAILY_CAP","amount":"30.00"}]}
                """;
        return new LotLayout(
                "L1",
                "Marina Central Garage",
                "1 Marina Boulevard, Singapore 018989",
                "Asia/Singapore",
                "SGD",
                LotMode.SPOT,
                "S",
                null,
                null,
                List.of(
                        new FloorLayout(
                                "F1",
                                "Level 1",
                                1,
                                List.of(
                                        zone(
                                                "A",
                                                Map.of(
                                                        SpotType.COMPACT,
                                                        30,
                                                        SpotType.DISABLED,
                                                        4,
                                                        SpotType.EV_CHARGING,
                                                        8)),
                                        zone("B", Map.of(SpotType.COMPACT, 30, SpotType.MOTORBIKE, 20)))),
                        new FloorLayout(
                                "F2",
                                "Level 2",
                                2,
                                List.of(
                                        zone("A", Map.of(SpotType.COMPACT, 40, SpotType.EV_CHARGING, 4)),
                                        zone("B", Map.of(SpotType.COMPACT, 40, SpotType.LARGE, 10)))),
                        new FloorLayout(
                                "F3",
                                "Level 3 (roof)",
                                3,
                                List.of(
                                        zone("A", Map.of(SpotType.COMPACT, 40, SpotType.LARGE, 12)),
                                        zone("B", Map.of(SpotType.COMPACT, 40, SpotType.MOTORBIKE, 10))))),
                List.of(
                        new GateLayout("GATE_E_01", Gate.Direction.ENTRY, "F1", "A"),
                        new GateLayout("GATE_E_03", Gate.Direction.ENTRY, "F1", "B"),
                        new GateLayout("GATE_X_02", Gate.Direction.EXIT, "F1", "B")),
                json.readTree(tariff));
    }

    private LotLayout harbourCarPark() {
        String tariff =
                """
                {"currency":"GBP","rules":[
                  {"id":"free_20","kind":"FREE_MINUTES","minutes":20},
                  {"id":"grace_10","kind":"GRACE_PERIOD","minutes":10},
                  {"id":"hourly","kind":"HOURLY","rate":"4.00"},
                  {"id":"daily_cap","kind":"DAILY_CAP","amount":"28.00"}]}
                """;
        return new LotLayout(
                "L2",
                "Harbour Street Car Park",
                "12 Harbour Street, London SE1",
                "Europe/London",
                "GBP",
                LotMode.CAPACITY,
                "H",
                null,
                null,
                List.of(
                        new FloorLayout(
                                "P0",
                                "Ground",
                                0,
                                List.of(zone(
                                        "G",
                                        Map.of(
                                                SpotType.COMPACT,
                                                120,
                                                SpotType.DISABLED,
                                                8,
                                                SpotType.EV_CHARGING,
                                                12)))),
                        new FloorLayout(
                                "P1",
                                "Level 1",
                                1,
                                List.of(
                                        zone("N", Map.of(SpotType.COMPACT, 150, SpotType.LARGE, 20)),
                                        zone("S", Map.of(SpotType.COMPACT, 150, SpotType.MOTORBIKE, 30))))),
                List.of(
                        new GateLayout("L2_E_01", Gate.Direction.ENTRY, "P0", "G"),
                        new GateLayout("L2_X_01", Gate.Direction.EXIT, "P0", "G")),
                json.readTree(tariff));
    }

    private static ZoneLayout zone(String code, Map<SpotType, Integer> spots) {
        return new ZoneLayout(code, "Zone " + code, spots);
    }
}
