package org.parkline.server.enforcement;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How long a vehicle may stay in a time-limited zone (or anywhere in a lot: zone '*'). */
@Service
class TimeLimits {

    static final String WHOLE_LOT = "*";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TimeLimits(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void put(String lotId, @Nullable String zone, int maxMinutes) {
        if (maxMinutes < 1 || maxMinutes > 1440) throw ApiProblem.invalid("maxMinutes: 1 to 1440");
        String code = zone == null ? WHOLE_LOT : zone;
        jdbc.sql(
                        """
                        insert into time_limit (lot_id, zone_code, max_minutes) values (:lot, :zone, :max)
                        on conflict (lot_id, zone_code) do update set max_minutes = excluded.max_minutes
                        """)
                .param("lot", lotId)
                .param("zone", code)
                .param("max", maxMinutes)
                .update();
        events.publishEvent(new Audited(
                "time_limit.set", "time_limit", lotId + "/" + code, lotId, null, Map.of("maxMinutes", maxMinutes)));
    }

    /** The limit for a zone: its own, else the lot's. */
    Optional<Integer> minutes(String lotId, @Nullable String zone) {
        return jdbc.sql(
                        """
                        select max_minutes from time_limit
                         where lot_id = :lot and zone_code in (coalesce(cast(:zone as text), '*'), '*')
                         order by zone_code = '*' limit 1
                        """)
                .param("lot", lotId)
                .param("zone", zone)
                .query(Integer.class)
                .optional();
    }
}
