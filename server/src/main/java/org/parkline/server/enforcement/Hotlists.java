package org.parkline.server.enforcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.ProtectedPlate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Plates to look out for: listed by hand (STOLEN, WATCH) or, for scofflaws, found from the citations themselves (a
 * plate with {@code parkline.enforcement.scofflaw-citations} or more overdue citations): no list to keep in sync.
 */
@Service
class Hotlists {

    private final JdbcClient jdbc;
    private final CitationBook citations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int scofflawCitations;

    Hotlists(
            JdbcClient jdbc,
            CitationBook citations,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${parkline.enforcement.scofflaw-citations:2}") int scofflawCitations) {
        this.jdbc = jdbc;
        this.citations = citations;
        this.events = events;
        this.clock = clock;
        this.scofflawCitations = scofflawCitations;
    }

    enum ListName {
        STOLEN,
        SCOFFLAW,
        WATCH
    }

    record Entry(String id, ListName list, String reason, Instant createdAt) {}

    /** A reason to stop the vehicle: which list, and why (never the plate). */
    record Alert(ListName list, @Nullable String entryId, String detail) {}

    record Hit(String id, @Nullable String readId, String lotId, String list, String detail, Instant at) {}

    Entry add(ListName list, ProtectedPlate plate, String reason) {
        if (list == ListName.SCOFFLAW) {
            throw ApiProblem.invalid("list: SCOFFLAW is computed from unpaid citations; add STOLEN or WATCH");
        }
        if (reason.strip().length() < 3) throw ApiProblem.invalid("reason: at least 3 characters");
        Entry entry = new Entry(Ids.next("HL", clock), list, reason.strip(), clock.instant());
        jdbc.sql(
                        """
                        insert into hotlist_entry (id, list, plate_hmac, plate_cipher, plate_key_id, reason, created_at)
                        values (:id, :list, :hmac, :cipher, :keyId, :reason, :at)
                        """)
                .param("id", entry.id())
                .param("list", list.name())
                .param("hmac", plate.lookupHash())
                .param("cipher", plate.ciphertext())
                .param("keyId", plate.keyId())
                .param("reason", entry.reason())
                .param("at", Timestamp.from(entry.createdAt()))
                .update();
        events.publishEvent(new Audited(
                "hotlist.added",
                "hotlist_entry",
                entry.id(),
                null,
                null,
                Map.of("list", list.name(), "reason", entry.reason())));
        return entry;
    }

    boolean remove(String entryId) {
        int removed = jdbc.sql("update hotlist_entry set removed_at = :at where id = :id and removed_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", entryId)
                .update();
        if (removed > 0) {
            events.publishEvent(new Audited(
                    "hotlist.removed",
                    "hotlist_entry",
                    entryId,
                    null,
                    Map.of("removed", false),
                    Map.of("removed", true)));
        }
        return removed > 0;
    }

    /** What the lists say about a plate now. */
    List<Alert> alerts(byte[] plateHash, Instant now) {
        List<Alert> alerts = new ArrayList<>(jdbc.sql(
                        "select id, list, reason from hotlist_entry where plate_hmac = :hmac and removed_at is null")
                .param("hmac", plateHash)
                .query((rs, n) -> new Alert(ListName.valueOf(rs.getString(2)), rs.getString(1), rs.getString(3)))
                .list());
        int overdue = citations.overdueOfPlate(plateHash, now).size();
        if (overdue >= scofflawCitations) {
            alerts.add(new Alert(ListName.SCOFFLAW, null, overdue + " overdue unpaid citations"));
        }
        return alerts;
    }

    /** Records the alerts a read raised, so they can be followed up and reported. */
    List<Hit> raise(@Nullable String readId, String lotId, List<Alert> alerts, Instant at) {
        List<Hit> hits = new ArrayList<>();
        for (Alert alert : alerts) {
            Hit hit = new Hit(Ids.next("HH", clock), readId, lotId, alert.list().name(), alert.detail(), at);
            jdbc.sql(
                            """
                            insert into hotlist_hit (id, read_id, lot_id, list, entry_id, detail, at)
                            values (:id, :read, :lot, :list, :entry, :detail, :at)
                            """)
                    .param("id", hit.id())
                    .param("read", readId)
                    .param("lot", lotId)
                    .param("list", hit.list())
                    .param("entry", alert.entryId())
                    .param("detail", hit.detail())
                    .param("at", Timestamp.from(at))
                    .update();
            hits.add(hit);
        }
        return hits;
    }

    List<Hit> hits(String lotId, Instant since) {
        return jdbc.sql(
                        """
                        select id, read_id, lot_id, list, detail, at from hotlist_hit
                         where lot_id = :lot and at >= :since order by at desc limit 500
                        """)
                .param("lot", lotId)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Hit(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
