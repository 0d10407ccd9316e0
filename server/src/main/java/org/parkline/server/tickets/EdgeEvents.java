package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The edge_event table: one row per replayed journal event, the key that makes a replay take effect once. */
@Repository
class EdgeEvents {

    private final JdbcClient jdbc;

    EdgeEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What became of one imported event. */
    record Outcome(String eventId, String outcome, @Nullable String ticketId, @Nullable String detail) {}

    /**
     * Claims the event id for this transaction: true when it is new. A concurrent import of the same id waits here
     * for the first to commit, then finds it taken.
     */
    boolean begin(String lotId, String eventId, String gateId, String kind, Instant occurredAt, Instant now) {
        return jdbc.sql(
                                """
                                insert into edge_event (lot_id, event_id, gate_id, kind, occurred_at, outcome, imported_at)
                                values (:lot, :event, :gate, :kind, :at, 'PENDING', :now)
                                on conflict do nothing
                                """)
                        .param("lot", lotId)
                        .param("event", eventId)
                        .param("gate", gateId)
                        .param("kind", kind)
                        .param("at", Timestamp.from(occurredAt))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void finish(
            String lotId,
            String eventId,
            String outcome,
            @Nullable String ticketId,
            @Nullable String detail,
            @Nullable BigDecimal collected,
            @Nullable BigDecimal uncollected) {
        jdbc.sql(
                        """
                        update edge_event set outcome = :outcome, ticket_id = :ticket, detail = :detail,
                                              amount_collected = :collected, amount_uncollected = :uncollected
                         where lot_id = :lot and event_id = :event
                        """)
                .param("outcome", outcome)
                .param("ticket", ticketId)
                .param("detail", detail)
                .param("collected", collected)
                .param("uncollected", uncollected)
                .param("lot", lotId)
                .param("event", eventId)
                .update();
    }

    Optional<Outcome> find(String lotId, String eventId) {
        return jdbc.sql(
                        "select event_id, outcome, ticket_id, detail from edge_event where lot_id = :lot and event_id = :event")
                .param("lot", lotId)
                .param("event", eventId)
                .query((rs, n) -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    record Conflict(
            String eventId,
            String gateId,
            String kind,
            Instant occurredAt,
            String outcome,
            @Nullable String ticketId,
            @Nullable String detail) {}

    List<Conflict> conflicts(String lotId) {
        return jdbc.sql(
                        """
                        select event_id, gate_id, kind, occurred_at, outcome, ticket_id, detail from edge_event
                         where lot_id = :lot and outcome not in ('ENTERED', 'EXITED') order by occurred_at, event_id
                        """)
                .param("lot", lotId)
                .query((rs, n) -> new Conflict(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    record Uncollected(String eventId, @Nullable String ticketId, BigDecimal amount) {}

    List<Uncollected> uncollected(String lotId) {
        return jdbc.sql(
                        """
                        select event_id, ticket_id, amount_uncollected from edge_event
                         where lot_id = :lot and kind = 'EXIT' and amount_uncollected > 0 order by occurred_at, event_id
                        """)
                .param("lot", lotId)
                .query((rs, n) -> new Uncollected(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    record Totals(long events, BigDecimal collected, BigDecimal uncollected) {}

    Totals totals(String lotId) {
        return jdbc.sql(
                        """
                        select count(*), coalesce(sum(amount_collected), 0), coalesce(sum(amount_uncollected), 0)
                          from edge_event where lot_id = :lot
                        """)
                .param("lot", lotId)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }
}
