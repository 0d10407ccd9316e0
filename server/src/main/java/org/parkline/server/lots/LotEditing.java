package org.parkline.server.lots;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a lot after it was created: its name and address, whether it admits vehicles, and its floors and zones
 * (add, rename, take out of service). Each change is one audited transaction; a refusal changes nothing. What a lot
 * was priced and billed in (timezone, currency, mode) stays as created: changing it would re-price stays under way.
 */
@Service
class LotEditing {

    private final JdbcClient jdbc;
    private final LotCatalog catalog;
    private final ApplicationEventPublisher events;

    LotEditing(JdbcClient jdbc, LotCatalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    record LotChange(
            @Nullable String name, @Nullable String address, @Nullable String timezone, @Nullable Boolean enabled) {}

    @Transactional
    Lot change(Lot lot, LotChange change) {
        if (change.timezone() != null
                && !change.timezone().equals(lot.timezone().getId())) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "timezone-fixed",
                    "Timezone cannot change",
                    "Lot " + lot.id() + " prices and bills in " + lot.timezone().getId() + "; changing it would move "
                            + "the day boundaries of stays under way and of published tariffs. Create a new lot instead");
        }
        String name = change.name() == null ? lot.name() : requireText("name", change.name(), 200);
        String address = change.address() == null ? lot.address() : requireText("address", change.address(), 500);
        boolean enabled = change.enabled() == null ? lot.enabled() : change.enabled();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        diff(before, after, "name", lot.name(), name);
        diff(before, after, "address", lot.address(), address);
        diff(before, after, "enabled", lot.enabled(), enabled);
        if (after.isEmpty()) return lot;
        jdbc.sql("update lot set name = :name, address = :address, enabled = :enabled where id = :id")
                .param("name", name)
                .param("address", address)
                .param("enabled", enabled)
                .param("id", lot.id())
                .update();
        String action = enabled == lot.enabled() ? "lot.updated" : enabled ? "lot.enabled" : "lot.disabled";
        events.publishEvent(new Audited(action, "lot", lot.id(), lot.id(), before, after));
        catalog.forget(lot.id());
        return new Lot(
                lot.id(),
                name,
                address,
                lot.timezone(),
                lot.mode(),
                lot.currency(),
                lot.allocationPolicy(),
                lot.pricingBasis(),
                enabled);
    }

    @Transactional
    void addFloor(Lot lot, String floorId, @Nullable String name, int level) {
        lockLayout(lot.id());
        if (floorEnabled(lot.id(), floorId) != null) {
            throw conflict("floor-exists", "Floor exists", "Lot " + lot.id() + " already has a floor " + floorId);
        }
        boolean levelTaken = jdbc.sql("select exists (select 1 from floor where lot_id = :lot and level = :level)")
                .param("lot", lot.id())
                .param("level", level)
                .query(Boolean.class)
                .single();
        if (levelTaken) {
            throw conflict(
                    "level-taken",
                    "Level taken",
                    "Lot " + lot.id() + " already has a floor at level " + level + " (spot ids carry the level)");
        }
        String floorName = name == null ? "Level " + level : requireText("name", name, 200);
        jdbc.sql("insert into floor (lot_id, id, name, level) values (:lot, :id, :name, :level)")
                .param("lot", lot.id())
                .param("id", floorId)
                .param("name", floorName)
                .param("level", level)
                .update();
        events.publishEvent(new Audited(
                "floor.added",
                "floor",
                lot.id() + "/" + floorId,
                lot.id(),
                null,
                Map.of("name", floorName, "level", level)));
        catalog.forget(lot.id());
    }

    @Transactional
    void changeFloor(Lot lot, String floorId, @Nullable String name, @Nullable Boolean enabled) {
        record Floor(String name, boolean enabled) {}
        Floor floor = jdbc.sql("select name, enabled from floor where lot_id = :lot and id = :id for update")
                .param("lot", lot.id())
                .param("id", floorId)
                .query((rs, n) -> new Floor(rs.getString(1), rs.getBoolean(2)))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("floor", lot.id() + "/" + floorId));
        String newName = name == null ? floor.name() : requireText("name", name, 200);
        boolean newEnabled = enabled == null ? floor.enabled() : enabled;
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        diff(before, after, "name", floor.name(), newName);
        diff(before, after, "enabled", floor.enabled(), newEnabled);
        if (after.isEmpty()) return;
        jdbc.sql("update floor set name = :name, enabled = :enabled where lot_id = :lot and id = :id")
                .param("name", newName)
                .param("enabled", newEnabled)
                .param("lot", lot.id())
                .param("id", floorId)
                .update();
        events.publishEvent(new Audited("floor.updated", "floor", lot.id() + "/" + floorId, lot.id(), before, after));
        catalog.forget(lot.id());
    }

    @Transactional
    void addZone(Lot lot, String floorId, String zone, @Nullable String name) {
        lockLayout(lot.id());
        if (floorEnabled(lot.id(), floorId) == null) throw ApiProblem.notFound("floor", lot.id() + "/" + floorId);
        if (zoneEnabled(lot.id(), floorId, zone) != null) {
            throw conflict("zone-exists", "Zone exists", "Floor " + floorId + " already has a zone " + zone);
        }
        String zoneName = name == null ? "Zone " + zone : requireText("name", name, 200);
        jdbc.sql(
                        """
                        insert into zone (lot_id, floor_id, code, name, rank)
                        select :lot, :floor, :code, :name, coalesce(max(rank) + 1, 0)
                          from zone where lot_id = :lot and floor_id = :floor
                        """)
                .param("lot", lot.id())
                .param("floor", floorId)
                .param("code", zone)
                .param("name", zoneName)
                .update();
        events.publishEvent(new Audited(
                "zone.added", "zone", lot.id() + "/" + floorId + "/" + zone, lot.id(), null, Map.of("name", zoneName)));
        catalog.forget(lot.id());
    }

    @Transactional
    void changeZone(Lot lot, String floorId, String zone, @Nullable String name, @Nullable Boolean enabled) {
        record Zone(String name, boolean enabled) {}
        Zone current = jdbc.sql(
                        "select name, enabled from zone where lot_id = :lot and floor_id = :floor and code = :code for update")
                .param("lot", lot.id())
                .param("floor", floorId)
                .param("code", zone)
                .query((rs, n) -> new Zone(rs.getString(1), rs.getBoolean(2)))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("zone", lot.id() + "/" + floorId + "/" + zone));
        String newName = name == null ? current.name() : requireText("name", name, 200);
        boolean newEnabled = enabled == null ? current.enabled() : enabled;
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        diff(before, after, "name", current.name(), newName);
        diff(before, after, "enabled", current.enabled(), newEnabled);
        if (after.isEmpty()) return;
        jdbc.sql(
                        "update zone set name = :name, enabled = :enabled where lot_id = :lot and floor_id = :floor and code = :code")
                .param("name", newName)
                .param("enabled", newEnabled)
                .param("lot", lot.id())
                .param("floor", floorId)
                .param("code", zone)
                .update();
        events.publishEvent(
                new Audited("zone.updated", "zone", lot.id() + "/" + floorId + "/" + zone, lot.id(), before, after));
        catalog.forget(lot.id());
    }

    /** Null when the floor does not exist. */
    @Nullable
    Boolean floorEnabled(String lotId, String floorId) {
        return jdbc.sql("select enabled from floor where lot_id = :lot and id = :id")
                .param("lot", lotId)
                .param("id", floorId)
                .query(Boolean.class)
                .optional()
                .orElse(null);
    }

    /** Null when the zone does not exist. */
    @Nullable
    Boolean zoneEnabled(String lotId, String floorId, String zone) {
        return jdbc.sql("select enabled from zone where lot_id = :lot and floor_id = :floor and code = :code")
                .param("lot", lotId)
                .param("floor", floorId)
                .param("code", zone)
                .query(Boolean.class)
                .optional()
                .orElse(null);
    }

    /** Two layout changes of one lot queue here, so two new floors cannot both take a free level. */
    void lockLayout(String lotId) {
        jdbc.sql("select 1 from lot where id = :id for no key update")
                .param("id", lotId)
                .query(Integer.class)
                .optional();
    }

    static String requireText(String field, String value, int max) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw ApiProblem.invalid(field + ": 1 to " + max + " characters");
        }
        return text;
    }

    /** Records a field that changed; a missing value is recorded as "". */
    static void diff(
            Map<String, Object> before,
            Map<String, Object> after,
            String field,
            @Nullable Object was,
            @Nullable Object is) {
        if (Objects.equals(was, is)) return;
        before.put(field, was == null ? "" : was);
        after.put(field, is == null ? "" : is);
    }

    static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail);
    }
}
