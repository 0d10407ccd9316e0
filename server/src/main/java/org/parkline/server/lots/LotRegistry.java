package org.parkline.server.lots;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Creates a lot from a layout in one transaction: all of it, or nothing. */
@Service
public class LotRegistry {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final LotCatalog catalog;

    LotRegistry(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, LotCatalog catalog) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.catalog = catalog;
    }

    @Transactional
    public Lot create(LotLayout layout) {
        Lot lot = validate(layout);
        if (catalog.lot(lot.id()).isPresent()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "lot-exists",
                    "Lot already exists",
                    "A lot with id " + lot.id() + " already exists");
        }
        jdbc.sql(
                        """
                        insert into lot (id, name, address, timezone, mode, currency, allocation_policy, pricing_basis)
                        values (:id, :name, :address, :tz, :mode, :currency, cast(:policy as jsonb), :basis)
                        """)
                .param("id", lot.id())
                .param("name", lot.name())
                .param("address", lot.address())
                .param("tz", lot.timezone().getId())
                .param("mode", lot.mode().name())
                .param("currency", lot.currency().getCurrencyCode())
                .param("policy", json.writeValueAsString(lot.allocationPolicy()))
                .param("basis", lot.pricingBasis().name())
                .update();
        for (LotLayout.FloorLayout floor : layout.floors()) {
            jdbc.sql("insert into floor (lot_id, id, name, level) values (:lot, :id, :name, :level)")
                    .param("lot", lot.id())
                    .param("id", floor.floorId())
                    .param("name", floor.name() == null ? "Level " + floor.level() : floor.name())
                    .param("level", floor.level())
                    .update();
            int rank = 0;
            for (LotLayout.ZoneLayout zone : floor.zones()) {
                jdbc.sql(
                                "insert into zone (lot_id, floor_id, code, name, rank) values (:lot, :floor, :code, :name, :rank)")
                        .param("lot", lot.id())
                        .param("floor", floor.floorId())
                        .param("code", zone.zone())
                        .param("name", zone.name() == null ? "Zone " + zone.zone() : zone.name())
                        .param("rank", rank++)
                        .update();
            }
        }
        for (LotLayout.GateLayout gate : layout.gates()) {
            if (catalog.gate(gate.gateId()).isPresent()) {
                throw new ApiProblem(
                        HttpStatus.CONFLICT,
                        "gate-exists",
                        "Gate already exists",
                        "A gate with id " + gate.gateId() + " already exists (gate ids are unique across lots)");
            }
            jdbc.sql(
                            """
                            insert into gate (id, lot_id, direction, floor_id, zone_code)
                            values (:id, :lot, :direction, :floor, :zone)
                            """)
                    .param("id", gate.gateId())
                    .param("lot", lot.id())
                    .param("direction", gate.direction().name())
                    .param("floor", gate.floorId())
                    .param("zone", gate.zone())
                    .update();
        }
        events.publishEvent(new LotLaidOut(lot, layout));
        events.publishEvent(new Audited(
                "lot.created",
                "lot",
                lot.id(),
                lot.id(),
                null,
                Map.of(
                        "name",
                        lot.name(),
                        "mode",
                        lot.mode().name(),
                        "timezone",
                        lot.timezone().getId(),
                        "floors",
                        layout.floors().size(),
                        "gates",
                        layout.gates().size())));
        return lot;
    }

    private static Lot validate(LotLayout layout) {
        List<String> problems = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(layout.timezone());
        } catch (DateTimeException e) {
            problems.add("timezone: '" + layout.timezone() + "' is not a known time zone (e.g. Asia/Singapore)");
        }
        Currency currency = null;
        try {
            currency = Currency.getInstance(layout.currency());
        } catch (IllegalArgumentException e) {
            problems.add("currency: '" + layout.currency() + "' is not an ISO 4217 currency");
        }
        Set<String> floors = new HashSet<>();
        Set<Integer> levels = new HashSet<>();
        Set<String> zones = new HashSet<>();
        long places = 0;
        for (LotLayout.FloorLayout floor : layout.floors()) {
            if (!floors.add(floor.floorId())) problems.add("floors: floor " + floor.floorId() + " appears twice");
            if (!levels.add(floor.level())) problems.add("floors: two floors have level " + floor.level());
            for (LotLayout.ZoneLayout z : floor.zones()) {
                if (!zones.add(floor.floorId() + "/" + z.zone())) {
                    problems.add("floors: zone " + z.zone() + " appears twice on floor " + floor.floorId());
                }
                for (var count : z.spots().entrySet()) {
                    if (count.getValue() < 0 || count.getValue() > 100_000) {
                        problems.add("zone " + floor.floorId() + "/" + z.zone() + ": " + count.getKey()
                                + " count must be between 0 and 100000");
                    }
                    places += Math.max(0, count.getValue());
                }
            }
        }
        if (places > 200_000) problems.add("floors: at most 200000 places per lot");
        Set<String> gateIds = new HashSet<>();
        for (LotLayout.GateLayout gate : layout.gates()) {
            if (!gateIds.add(gate.gateId())) problems.add("gates: gate " + gate.gateId() + " appears twice");
            if (!floors.contains(gate.floorId())) {
                problems.add("gates: gate " + gate.gateId() + " is on unknown floor " + gate.floorId());
            } else if (gate.zone() != null && !zones.contains(gate.floorId() + "/" + gate.zone())) {
                problems.add("gates: gate " + gate.gateId() + " is in unknown zone " + gate.zone());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(String.join("; ", problems)).with("errors", problems);
        }
        return new Lot(
                layout.lotId(),
                layout.name(),
                layout.address(),
                zone,
                layout.mode(),
                currency,
                layout.allocationPolicy() == null ? AllocationPolicy.DEFAULT : layout.allocationPolicy(),
                layout.pricingBasis() == null ? Lot.PricingBasis.ENTRY : layout.pricingBasis(),
                true);
    }
}
