package org.parkline.server.enforcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.identity.Actor;
import org.parkline.server.lots.LotCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An officer's patrol: where (lot, zones, route), from when to when; reads and citations name it for coverage. */
@Service
class Patrols {

    private final JdbcClient jdbc;
    private final LotCatalog lots;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Patrols(JdbcClient jdbc, LotCatalog lots, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.events = events;
        this.clock = clock;
    }

    record Patrol(
            String id,
            String lotId,
            String officerId,
            @Nullable String route,
            List<String> zones,
            Instant startedAt,
            @Nullable Instant endedAt) {}

    /** Per zone of a lot over a period: patrols that covered it, reads and citations there, and the last read. */
    record ZoneCoverage(String zone, int patrols, int reads, int citations, @Nullable Instant lastReadAt) {}

    Patrol start(String lotId, List<String> zones, @Nullable String route) {
        for (String zone : zones) Zones.require(lots, lotId, zone);
        Patrol patrol = new Patrol(
                Ids.next("PA", clock), lotId, Actor.current().id(), route, List.copyOf(zones), clock.instant(), null);
        int inserted = jdbc.sql(
                        """
                        insert into patrol (id, lot_id, officer_id, route, zones, started_at)
                        values (:id, :lot, :officer, :route, string_to_array(:zones, ','), :at)
                        on conflict do nothing
                        """)
                .param("id", patrol.id())
                .param("lot", lotId)
                .param("officer", patrol.officerId())
                .param("route", route)
                .param("zones", String.join(",", zones)) // zone codes were checked against the lot
                .param("at", Timestamp.from(patrol.startedAt()))
                .update();
        if (inserted == 0) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "patrol-open",
                    "A patrol is already open",
                    "You have a patrol that has not ended; end it first (POST /v1/patrols/{id}/end)");
        }
        events.publishEvent(new Audited(
                "patrol.started",
                "patrol",
                patrol.id(),
                lotId,
                null,
                Map.of("zones", zones, "officer", patrol.officerId())));
        return patrol;
    }

    Patrol end(String patrolId) {
        Patrol patrol = find(patrolId).orElseThrow(() -> ApiProblem.notFound("patrol", patrolId));
        if (!patrol.officerId().equals(Actor.current().id())
                && !Actor.current().has(org.parkline.server.identity.Role.ADMIN)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "not-your-patrol", "Not your patrol", "Only the officer on a patrol ends it");
        }
        int ended = jdbc.sql("update patrol set ended_at = :at where id = :id and ended_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", patrolId)
                .update();
        if (ended == 0) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "patrol-ended", "Patrol already ended", "Patrol " + patrolId + " has ended");
        }
        events.publishEvent(new Audited(
                "patrol.ended", "patrol", patrolId, patrol.lotId(), Map.of("open", true), Map.of("open", false)));
        return find(patrolId).orElseThrow();
    }

    void requireOpen(String patrolId, String lotId) {
        Patrol patrol = find(patrolId).orElseThrow(() -> ApiProblem.notFound("patrol", patrolId));
        if (!patrol.lotId().equals(lotId) || patrol.endedAt() != null) {
            throw ApiProblem.invalid("patrolId: patrol " + patrolId + " is not open in lot " + lotId);
        }
    }

    java.util.Optional<Patrol> find(String id) {
        return jdbc.sql("select id, lot_id, officer_id, route, zones, started_at, ended_at from patrol where id = :id")
                .param("id", id)
                .query((rs, n) -> new Patrol(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray()),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .optional();
    }

    List<ZoneCoverage> coverage(String lotId, Instant from, Instant to) {
        Set<String> zones = new LinkedHashSet<>();
        lots.zones(lotId).forEach(z -> zones.add(z.zone()));
        List<ZoneCoverage> coverage = new ArrayList<>();
        for (String zone : zones) {
            coverage.add(jdbc.sql(
                            """
                            select
                              (select count(*) from patrol p where p.lot_id = :lot and p.started_at < :to
                                  and coalesce(p.ended_at, :to) > :from
                                  and (cardinality(p.zones) = 0 or :zone = any(p.zones)))::int,
                              (select count(*) from lpr_read r where r.lot_id = :lot and r.zone_code = :zone
                                  and r.read_at >= :from and r.read_at < :to)::int,
                              (select count(*) from citation c where c.lot_id = :lot and c.zone_code = :zone
                                  and c.issued_at >= :from and c.issued_at < :to)::int,
                              (select max(read_at) from lpr_read r where r.lot_id = :lot and r.zone_code = :zone
                                  and r.read_at >= :from and r.read_at < :to)
                            """)
                    .param("lot", lotId)
                    .param("zone", zone)
                    .param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to))
                    .query((rs, n) -> new ZoneCoverage(
                            zone,
                            rs.getInt(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getTimestamp(4) == null
                                    ? null
                                    : rs.getTimestamp(4).toInstant()))
                    .single());
        }
        return coverage;
    }
}
