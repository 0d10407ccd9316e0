package org.parkline.server.inventory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many sort positions a zone has (its spots' sort keys run 0..span-1); read once a minute per zone. */
@Component
class ZoneSpans {

    private static final long TTL_NANOS = java.time.Duration.ofMinutes(1).toNanos();

    private record Span(int span, long untilNanos) {}

    private final JdbcClient jdbc;
    private final Map<String, Span> spans = new ConcurrentHashMap<>();

    ZoneSpans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int of(String lotId, String floorId, String zone) {
        String key = lotId + "|" + floorId + "|" + zone;
        Span known = spans.get(key);
        if (known != null && System.nanoTime() - known.untilNanos() < 0) return known.span();
        int span = jdbc.sql(
                        """
                        select coalesce(max(sort_key), -1) + 1 from spot
                         where lot_id = :lot and floor_id = :floor and zone_code = :zone
                        """)
                .param("lot", lotId)
                .param("floor", floorId)
                .param("zone", zone)
                .query(Integer.class)
                .single();
        spans.put(key, new Span(span, System.nanoTime() + TTL_NANOS));
        return span;
    }
}
