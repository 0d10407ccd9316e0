package org.parkline.server.lots;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a barrier lane to a lot, moves it (floor and zone: where entries through it are placed first), and takes it
 * out of service (DISABLED: refuses traffic with {@code gate-closed}) or back (NORMAL). Forcing a gate open or
 * closed is a gate command, not an administrative change, and is not done here.
 */
@Service
class GateAdministration {

    private final JdbcClient jdbc;
    private final LotCatalog catalog;
    private final LotEditing layout;
    private final ApplicationEventPublisher events;

    GateAdministration(JdbcClient jdbc, LotCatalog catalog, LotEditing layout, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.layout = layout;
        this.events = events;
    }

    @Transactional
    Gate add(Lot lot, String gateId, Gate.Direction direction, String floorId, @Nullable String zone) {
        if (catalog.gate(gateId).isPresent()) {
            throw LotEditing.conflict(
                    "gate-exists",
                    "Gate already exists",
                    "A gate with id " + gateId + " already exists (gate ids are unique across lots)");
        }
        checkPlace(lot, floorId, zone);
        jdbc.sql(
                        """
                        insert into gate (id, lot_id, direction, floor_id, zone_code)
                        values (:id, :lot, :direction, :floor, :zone)
                        """)
                .param("id", gateId)
                .param("lot", lot.id())
                .param("direction", direction.name())
                .param("floor", floorId)
                .param("zone", zone)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("direction", direction.name());
        after.put("floorId", floorId);
        after.put("zone", zone == null ? "" : zone);
        after.put("status", Gate.Status.NORMAL.name());
        events.publishEvent(new Audited("gate.added", "gate", gateId, lot.id(), null, after));
        return new Gate(gateId, lot.id(), direction, floorId, zone, Gate.Status.NORMAL);
    }

    /**
     * @param floorId moves the gate to this floor (its zone then is {@code zone}, null for a floor-level ramp)
     * @param zone moves the gate to this zone of its (new) floor
     * @param enabled false disables the gate; true returns a disabled gate to NORMAL (a forced state is left alone)
     */
    @Transactional
    Gate change(Gate gate, @Nullable String floorId, @Nullable String zone, @Nullable Boolean enabled) {
        Gate current = jdbc.sql(
                        "select id, lot_id, direction, floor_id, zone_code, status from gate where id = :id for update")
                .param("id", gate.id())
                .query((rs, n) -> new Gate(
                        rs.getString(1),
                        rs.getString(2),
                        Gate.Direction.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        Gate.Status.valueOf(rs.getString(6))))
                .single();
        String newFloor = floorId == null ? current.floorId() : floorId;
        String newZone = floorId == null && zone == null ? current.zone() : zone;
        Lot lot = catalog.lot(current.lotId()).orElseThrow();
        if (floorId != null || zone != null) checkPlace(lot, newFloor, newZone);
        Gate.Status status = current.status();
        if (Boolean.FALSE.equals(enabled)) status = Gate.Status.DISABLED;
        if (Boolean.TRUE.equals(enabled) && status == Gate.Status.DISABLED) status = Gate.Status.NORMAL;
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        LotEditing.diff(before, after, "floorId", current.floorId(), newFloor);
        LotEditing.diff(before, after, "zone", current.zone(), newZone == null ? "" : newZone);
        LotEditing.diff(before, after, "status", current.status().name(), status.name());
        if (after.isEmpty()) return current;
        jdbc.sql("update gate set floor_id = :floor, zone_code = :zone, status = :status where id = :id")
                .param("floor", newFloor)
                .param("zone", newZone)
                .param("status", status.name())
                .param("id", current.id())
                .update();
        String action = status == current.status()
                ? "gate.updated"
                : status == Gate.Status.DISABLED ? "gate.disabled" : "gate.enabled";
        events.publishEvent(new Audited(action, "gate", current.id(), current.lotId(), before, after));
        return new Gate(current.id(), current.lotId(), current.direction(), newFloor, newZone, status);
    }

    private void checkPlace(Lot lot, String floorId, @Nullable String zone) {
        if (layout.floorEnabled(lot.id(), floorId) == null) {
            throw ApiProblem.invalid("floorId: lot " + lot.id() + " has no floor " + floorId);
        }
        if (zone != null && layout.zoneEnabled(lot.id(), floorId, zone) == null) {
            throw ApiProblem.invalid("zone: floor " + floorId + " has no zone " + zone);
        }
    }
}
