package org.parkline.server.permits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who waits for a sold-out permit type, first come first served. When a permit of the type is given back or taken
 * away, the longest-waiting entry is OFFERED (the holder is told; delivery is a later integration): the offer does
 * not reserve a place, the next purchase takes it.
 */
@Service
class PermitWaitlist {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PermitWaitlist(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record Entry(String id, String typeId, String holderRef, String status, Instant createdAt, int position) {}

    Entry join(PermitType type, String holderRef) {
        String id = Ids.next("PW", clock);
        int inserted = jdbc.sql(
                        """
                        insert into permit_waitlist (id, type_id, holder_ref, status, created_at)
                        values (:id, :type, :holder, 'WAITING', :at)
                        on conflict (type_id, holder_ref) do nothing
                        """)
                .param("id", id)
                .param("type", type.id())
                .param("holder", holderRef)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "already-waiting",
                    "Already on the waitlist",
                    "This holder is already on the waitlist of permit type " + type.id());
        }
        events.publishEvent(new Audited(
                "permit_waitlist.joined", "permit_type", type.id(), type.homeLotId(), null, Map.of("entryId", id)));
        return entries(type.id()).stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    List<Entry> entries(String typeId) {
        return jdbc.sql(
                        """
                        select id, type_id, holder_ref, status, created_at,
                               (row_number() over (partition by status order by created_at, id))::int
                          from permit_waitlist where type_id = :type and status in ('WAITING', 'OFFERED')
                         order by status = 'OFFERED' desc, created_at, id
                        """)
                .param("type", typeId)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getInt(6)))
                .list();
    }

    /** A place freed up: offers it to whoever waited longest. */
    void offerNext(String typeId) {
        jdbc.sql(
                        """
                        update permit_waitlist set status = 'OFFERED', offered_at = :at
                         where id = (select id from permit_waitlist
                                      where type_id = :type and status = 'WAITING'
                                      order by created_at, id limit 1 for update skip locked)
                        returning id
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("type", typeId)
                .query(String.class)
                .optional()
                .ifPresent(id -> events.publishEvent(new Audited(
                        "permit_waitlist.offered",
                        "permit_waitlist",
                        id,
                        null,
                        Map.of("status", "WAITING"),
                        Map.of("status", "OFFERED"))));
    }

    /** The holder bought one: their waiting or offered entry is done. */
    void fulfilled(String typeId, String holderRef) {
        jdbc.sql(
                        """
                        delete from permit_waitlist where type_id = :type and holder_ref = :holder
                        """)
                .param("type", typeId)
                .param("holder", holderRef)
                .update();
    }
}
