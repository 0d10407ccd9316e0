package org.parkline.server.lots;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands from central to a gate (force open, force close, back to normal): each sets the gate's status, is
 * audited with its reason, and waits in sequence for the lot's edge controller to pull and acknowledge it.
 */
@Service
class GateCommands {

    enum Command {
        FORCE_OPEN(Gate.Status.FORCED_OPEN),
        FORCE_CLOSE(Gate.Status.FORCED_CLOSED),
        NORMAL(Gate.Status.NORMAL);

        final Gate.Status status;

        Command(Gate.Status status) {
            this.status = status;
        }
    }

    record GateCommand(
            String gateId,
            long seq,
            Command command,
            String reason,
            String issuedBy,
            Instant issuedAt,
            @Nullable Instant ackedAt) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GateCommands(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    GateCommand issue(Gate gate, Command command, String reason, String issuedBy) {
        Gate.Status before = jdbc.sql("select status from gate where id = :id for update")
                .param("id", gate.id())
                .query((rs, n) -> Gate.Status.valueOf(rs.getString(1)))
                .single();
        if (before == Gate.Status.DISABLED) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "gate-disabled",
                    "Gate disabled",
                    "Gate " + gate.id() + " is DISABLED; enable it before commanding it");
        }
        long seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from gate_command where gate_id = :gate")
                .param("gate", gate.id())
                .query(Long.class)
                .single();
        Instant now = clock.instant();
        jdbc.sql(
                        """
                        insert into gate_command (gate_id, seq, lot_id, command, reason, issued_by, issued_at)
                        values (:gate, :seq, :lot, :command, :reason, :by, :at)
                        """)
                .param("gate", gate.id())
                .param("seq", seq)
                .param("lot", gate.lotId())
                .param("command", command.name())
                .param("reason", reason)
                .param("by", issuedBy)
                .param("at", java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("update gate set status = :status where id = :id")
                .param("status", command.status.name())
                .param("id", gate.id())
                .update();
        events.publishEvent(new Audited(
                "gate.commanded",
                "gate",
                gate.id(),
                gate.lotId(),
                Map.of("status", before.name()),
                Map.of("status", command.status.name(), "command", command.name(), "seq", seq, "reason", reason)));
        return new GateCommand(gate.id(), seq, command, reason, issuedBy, now, null);
    }

    List<GateCommand> after(String gateId, long seq) {
        return jdbc.sql(
                        """
                        select gate_id, seq, command, reason, issued_by, issued_at, acked_at from gate_command
                         where gate_id = :gate and seq > :seq order by seq limit 100
                        """)
                .param("gate", gateId)
                .param("seq", seq)
                .query((rs, n) -> new GateCommand(
                        rs.getString(1),
                        rs.getLong(2),
                        Command.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** The controller applied the command; acknowledging again changes nothing. */
    @Transactional
    GateCommand acknowledge(Gate gate, long seq) {
        int changed = jdbc.sql(
                        "update gate_command set acked_at = :now where gate_id = :gate and seq = :seq and acked_at is null")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("gate", gate.id())
                .param("seq", seq)
                .update();
        GateCommand command = after(gate.id(), seq - 1).stream()
                .filter(c -> c.seq() == seq)
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("gate command", gate.id() + "/" + seq));
        if (changed == 1) {
            events.publishEvent(new Audited(
                    "gate.command-acknowledged",
                    "gate",
                    gate.id(),
                    gate.lotId(),
                    null,
                    Map.of("seq", seq, "command", command.command().name())));
        }
        return command;
    }
}
