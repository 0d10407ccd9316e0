package org.parkline.server.inventory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Occupancy per lot for Prometheus: {@code parkline.occupancy} (occupied share of the places in service, 0..1),
 * {@code parkline.places.occupied} and {@code parkline.places.in_service}, tagged by lot only, so there are as many
 * series as lots. Read from {@code zone_counter_now} in one grouped query, at most once per {@code ttl} however
 * often Prometheus scrapes; new lots get their gauges at the next refresh.
 */
@Component
class OccupancyMetrics {

    record Places(long inService, long occupied) {
        double share() {
            return inService <= 0 ? 0 : (double) occupied / inService;
        }
    }

    private record Snapshot(Map<String, Places> byLot, long takenAtNanos) {}

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final long ttlNanos;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MIN_VALUE / 2);

    OccupancyMetrics(
            JdbcClient jdbc, MeterRegistry meters, @Value("${parkline.metrics.occupancy-ttl:PT5S}") Duration ttl) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.ttlNanos = ttl.toNanos();
    }

    /** Reads the counters now and registers gauges for lots that have none yet. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            fixedDelayString = "${parkline.metrics.occupancy-refresh:PT30S}",
            initialDelayString = "${parkline.metrics.occupancy-refresh:PT30S}")
    void refresh() {
        Map<String, Places> byLot = read();
        for (String lotId : byLot.keySet()) {
            if (!registered.add(lotId)) continue;
            gauge("parkline.occupancy", "Occupied share of the places in service (0..1)", lotId, Places::share);
            gauge("parkline.places.occupied", "Vehicles placed (occupied places)", lotId, p -> p.occupied());
            gauge(
                    "parkline.places.in_service",
                    "Places in service (total less out of service)",
                    lotId,
                    p -> p.inService());
        }
    }

    /** One grouped query for every lot; scrapes within the time to live reuse it. */
    private synchronized Map<String, Places> read() {
        Map<String, Places> byLot = jdbc
                .sql(
                        """
                        select lot_id, sum(total - out_of_service), sum(occupied)
                          from zone_counter_now group by lot_id
                        """)
                .query((rs, n) -> Map.entry(rs.getString(1), new Places(rs.getLong(2), rs.getLong(3))))
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        snapshot = new Snapshot(byLot, System.nanoTime());
        return byLot;
    }

    private void gauge(String name, String description, String lotId, ToDoubleFunction<Places> value) {
        Gauge.builder(name, this, self -> value.applyAsDouble(self.current(lotId)))
                .description(description)
                .tag("lot", lotId)
                .register(meters);
    }

    private Places current(String lotId) {
        Snapshot now = snapshot;
        Map<String, Places> byLot = System.nanoTime() - now.takenAtNanos() > ttlNanos ? read() : now.byLot();
        return byLot.getOrDefault(lotId, new Places(0, 0));
    }
}
