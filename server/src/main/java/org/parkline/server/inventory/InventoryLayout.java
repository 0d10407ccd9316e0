package org.parkline.server.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.lots.LotLaidOut;
import org.parkline.server.lots.LotLayout;
import org.parkline.server.lots.LotMode;
import org.parkline.server.lots.SpotType;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates a new lot's spots and counters, in the transaction that created the lot. Spot ids read
 * {@code <prefix>_<level>_<seq>} (e.g. S_2_041), numbered per floor in zone order.
 */
@Component
class InventoryLayout {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InventoryLayout(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventListener
    void on(LotLaidOut event) {
        String lotId = event.lot().id();
        String prefix = event.layout().spotIdPrefix() == null
                ? lotId + "_S"
                : event.layout().spotIdPrefix();
        boolean spotRows = event.lot().mode() == LotMode.SPOT;
        if (spotRows && prefixTaken(prefix)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "spot-prefix-taken",
                    "Spot id prefix in use",
                    "Spots named " + prefix + "_... already exist in another lot; choose another spotIdPrefix");
        }
        List<Object[]> spots = new ArrayList<>();
        for (LotLayout.FloorLayout floor : event.layout().floors()) {
            int seq = 0;
            for (LotLayout.ZoneLayout zone : floor.zones()) {
                int sortKey = 0;
                for (SpotType type : SpotType.values()) {
                    int count = zone.spots().getOrDefault(type, 0);
                    if (count == 0) continue;
                    insertCounter(lotId, floor.floorId(), zone.zone(), type, count);
                    for (int i = 0; spotRows && i < count; i++) {
                        String id = "%s_%d_%03d".formatted(prefix, floor.level(), ++seq);
                        spots.add(new Object[] {id, lotId, floor.floorId(), zone.zone(), type.name(), sortKey++});
                    }
                }
            }
        }
        batch.batchUpdate(
                "insert into spot (id, lot_id, floor_id, zone_code, type, sort_key) values (?, ?, ?, ?, ?, ?)", spots);
    }

    private boolean prefixTaken(String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "\\_%";
        return jdbc.sql("select exists (select 1 from spot where id like :pattern)")
                .param("pattern", pattern)
                .query(Boolean.class)
                .single();
    }

    private void insertCounter(String lotId, String floorId, String zone, SpotType type, int count) {
        jdbc.sql(
                        """
                        insert into zone_counter (lot_id, floor_id, zone_code, spot_type, total, available)
                        values (:lot, :floor, :zone, :type, :count, :count)
                        """)
                .params(Map.of("lot", lotId, "floor", floorId, "zone", zone, "type", type.name(), "count", count))
                .update();
    }
}
