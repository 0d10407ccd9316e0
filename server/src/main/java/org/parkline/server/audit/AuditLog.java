package org.parkline.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.Audited;
import org.parkline.server.identity.Actor;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link Audited} change in the transaction that made it: if the change commits, so does its entry,
 * and if it rolls back, nothing is recorded. One insert, no lock: sealing happens elsewhere.
 */
@Service
public class AuditLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void record(Audited change) {
        Actor actor = Actor.current();
        jdbc.sql(
                        """
                        insert into audit_entry (at, actor_kind, actor_id, request_id, action, subject_type, subject_id,
                                                 lot_id, before, after)
                        values (:at, :kind, :actor, :request, :action, :type, :subject, :lot,
                                cast(:before as jsonb), cast(:after as jsonb))
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("kind", actor.kind().name())
                .param("actor", actor.id())
                .param("request", MDC.get("requestId"))
                .param("action", change.action())
                .param("type", change.subjectType())
                .param("subject", change.subjectId())
                .param("lot", change.lotId())
                .param("before", change.before() == null ? null : json.writeValueAsString(change.before()))
                .param("after", change.after() == null ? null : json.writeValueAsString(change.after()))
                .update();
    }

    public record Filter(
            @Nullable String lotId,
            @Nullable String subjectType,
            @Nullable String subjectId,
            @Nullable String action,
            @Nullable String actorId,
            @Nullable Instant from,
            @Nullable Instant to,
            int limit) {}

    public List<AuditEntry> find(Filter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where true");
        List<Object> params = new ArrayList<>();
        condition(sql, params, "lot_id", filter.lotId());
        condition(sql, params, "subject_type", filter.subjectType());
        condition(sql, params, "subject_id", filter.subjectId());
        condition(sql, params, "action", filter.action());
        condition(sql, params, "actor_id", filter.actorId());
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by id desc limit ?");
        params.add(filter.limit());
        var spec = jdbc.sql(sql.toString());
        for (Object p : params) spec = spec.param(p);
        return spec.query(this::entry).list();
    }

    /** A ticket's story: its own entries and those of payments made for it, oldest first. */
    public List<AuditEntry> ticketHistory(String ticketId) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from audit_entry
                        where (subject_type = 'ticket' and subject_id = :id)
                           or (subject_type = 'payment'
                               and coalesce(after ->> 'payable', before ->> 'payable') = 'TICKET:' || :id)
                        order by id
                        """)
                .param("id", ticketId)
                .query(this::entry)
                .list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, @Nullable String value) {
        if (value == null || value.isBlank()) return;
        sql.append(" and ").append(column).append(" = ?");
        params.add(value);
    }

    private static final String COLUMNS =
            "id, at, actor_kind, actor_id, request_id, action, subject_type, subject_id, lot_id, before::text, after::text";

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                map(rs.getString(10)),
                map(rs.getString(11)));
    }

    private @Nullable Map<String, Object> map(@Nullable String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
