package org.parkline.server.lots;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** Reads lots, gates and zones. Every capability that needs a lot's settings asks here. */
@Service
public class LotCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ShortLived<Lot> lots;
    private final ShortLived<List<ZonePlace>> zones;

    LotCatalog(JdbcClient jdbc, JsonMapper json, @Value("${parkline.lots.cache-ttl:PT10S}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.json = json;
        this.lots = new ShortLived<>(cacheTtl);
        this.zones = new ShortLived<>(cacheTtl);
    }

    /** A lot's settings. Read on every gate request, so kept for a few seconds (settings change rarely). */
    public Optional<Lot> lot(String lotId) {
        return lots.get(lotId, () -> fetchLot(lotId));
    }

    /**
     * Drops a lot's kept settings once the current transaction commits (at once outside one), so this server sees
     * a changed setting immediately. Other server instances see it within the cache's time to live.
     */
    void forget(String lotId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lots.forget(lotId);
                    zones.forget(lotId);
                }
            });
        }
        lots.forget(lotId);
        zones.forget(lotId);
    }

    private Optional<Lot> fetchLot(String lotId) {
        return jdbc.sql(
                        """
                        select id, name, address, timezone, mode, currency, allocation_policy::text, pricing_basis, enabled
                          from lot where id = :id
                        """)
                .param("id", lotId)
                .query(this::toLot)
                .optional();
    }

    public List<Lot> lots() {
        return jdbc.sql(
                        """
                        select id, name, address, timezone, mode, currency, allocation_policy::text, pricing_basis, enabled
                          from lot order by id
                        """)
                .query(this::toLot)
                .list();
    }

    public Optional<Gate> gate(String gateId) {
        return jdbc.sql("select id, lot_id, direction, floor_id, zone_code, status from gate where id = :id")
                .param("id", gateId)
                .query(LotCatalog::toGate)
                .optional();
    }

    public List<Gate> gates(String lotId) {
        return jdbc.sql(
                        """
                        select id, lot_id, direction, floor_id, zone_code, status
                          from gate where lot_id = :lot order by id
                        """)
                .param("lot", lotId)
                .query(LotCatalog::toGate)
                .list();
    }

    /**
     * Every zone in service (its floor and itself enabled) with its floor's level, ordered by level then rank: where
     * the allocator may place vehicles (kept a few seconds).
     */
    public List<ZonePlace> zones(String lotId) {
        return zones.get(lotId, () -> Optional.of(fetchZones(lotId))).orElseThrow();
    }

    private List<ZonePlace> fetchZones(String lotId) {
        return jdbc.sql(
                        """
                        select z.floor_id, f.level, z.code, z.rank
                          from zone z join floor f on f.lot_id = z.lot_id and f.id = z.floor_id
                         where z.lot_id = :lot and z.enabled and f.enabled
                         order by f.level, z.rank, z.code
                        """)
                .param("lot", lotId)
                .query((rs, n) -> new ZonePlace(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    public List<FloorView> floors(String lotId) {
        Map<String, List<FloorView.ZoneView>> zonesByFloor = jdbc
                .sql("select floor_id, code, name, enabled from zone where lot_id = :lot order by rank, code")
                .param("lot", lotId)
                .query((rs, n) ->
                        new FloorView.ZoneView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(FloorView.ZoneView::floorId));
        return jdbc.sql("select id, name, level, enabled from floor where lot_id = :lot order by level, id")
                .param("lot", lotId)
                .query((rs, n) -> new FloorView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getBoolean(4),
                        zonesByFloor.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    private Lot toLot(ResultSet rs, int row) throws SQLException {
        return new Lot(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                ZoneId.of(rs.getString(4)),
                LotMode.valueOf(rs.getString(5)),
                Currency.getInstance(rs.getString(6)),
                json.readValue(rs.getString(7), AllocationPolicy.class),
                Lot.PricingBasis.valueOf(rs.getString(8)),
                rs.getBoolean(9));
    }

    private static Gate toGate(ResultSet rs, int row) throws SQLException {
        return new Gate(
                rs.getString(1),
                rs.getString(2),
                Gate.Direction.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                Gate.Status.valueOf(rs.getString(6)));
    }
}
