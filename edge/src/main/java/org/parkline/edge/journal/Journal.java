package org.parkline.edge.journal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The controller's crash-safe local journal (SQLite, WAL, {@code synchronous=FULL}): every event that moves a
 * barrier is committed, and the commit synced to disk, before the barrier moves, so a power cut loses nothing that
 * opened one. Also keeps what offline decisions need: the tickets the lot's gates issued, the quota places held in
 * escrow, the pricing snapshot. One connection, used under this object's lock.
 */
public final class Journal implements AutoCloseable {

    private final Connection db;
    private final String epoch;
    private final String lotId;
    /** Per gate: the last sequence number used and the highest one reserved on disk. */
    private final java.util.Map<String, long[]> reserved = new java.util.HashMap<>();

    static final int SEQ_BLOCK = 100;

    public Journal(Path file, String lotId) {
        this.lotId = lotId;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("pragma journal_mode = wal");
                s.execute("pragma synchronous = full");
                s.execute("pragma busy_timeout = 5000");
                for (String ddl : JournalSchema.DDL) s.execute(ddl);
            }
            db.setAutoCommit(false);
            epoch = meta("epoch").orElseGet(() -> {
                String fresh = newEpoch();
                putMeta("epoch", fresh);
                return fresh;
            });
            db.commit();
        } catch (Exception e) {
            throw new JournalException("cannot open the journal " + file, e);
        }
    }

    /**
     * A new event id for the gate: lot, gate, this journal's epoch and the gate's next sequence number. Never handed
     * out twice, even across a crash: sequence numbers are reserved on disk a block at a time (one synced commit per
     * {@value #SEQ_BLOCK} ids, not one per decision), and a restart continues after the last reserved block, skipping
     * the ids a crash left unused. The epoch (random, fixed when the journal file is created) keeps ids unique should
     * the file ever be replaced by an empty one.
     */
    public synchronized String nextEventId(String gateId) {
        long[] range = reserved.computeIfAbsent(gateId, id -> {
            long persisted = meta("seq." + id).map(Long::parseLong).orElse(0L);
            return new long[] {persisted, persisted}; // next used, reserved up to: nothing reserved yet
        });
        if (range[0] >= range[1]) {
            long upTo = range[1] + SEQ_BLOCK;
            inTransaction(() -> {
                putMeta("seq." + gateId, Long.toString(upTo));
                return null;
            });
            range[1] = upTo;
        }
        range[0]++;
        return lotId + "-" + gateId + "-" + epoch + "-" + range[0];
    }

    /**
     * An entry admitted offline: takes a quota place for the vehicle type (when the gate has one left), records the
     * event and the ticket, and commits. Empty (nothing recorded) when no place is left and {@code admitWithoutPlace}
     * is false.
     */
    public synchronized Optional<OfflineEntry> admitOffline(
            String eventId, String gateId, Instant at, String vehicleType, String plate, boolean admitWithoutPlace) {
        return inTransaction(() -> {
            Optional<QuotaPlace> place = firstUnused(gateId, vehicleType);
            if (place.isEmpty() && !admitWithoutPlace) return Optional.empty();
            place.ifPresent(p -> update("update quota_place set used_by = ? where place_id = ?", eventId, p.placeId()));
            update(
                    """
                    insert into event (event_id, gate_id, kind, mode, occurred_at, vehicle_type, plate, quota_place_id,
                                       ticket_ref)
                    values (?, ?, 'ENTRY', 'OFFLINE', ?, ?, ?, ?, ?)
                    """,
                    eventId,
                    gateId,
                    at.toString(),
                    vehicleType,
                    plate,
                    place.map(QuotaPlace::placeId).orElse(null),
                    eventId);
            update(
                    "insert into ticket (ref, central_ticket_id, entry_at, vehicle_type) values (?, null, ?, ?)",
                    eventId,
                    at.toString(),
                    vehicleType);
            return Optional.of(new OfflineEntry(eventId, place));
        });
    }

    /** An entry central accepted: recorded (as already replayed) so an offline exit can price the ticket later. */
    public synchronized void recordOnlineEntry(
            String eventId, String gateId, Instant at, String vehicleType, String barcode, String centralTicketId) {
        inTransaction(() -> {
            update(
                    """
                    insert into event (event_id, gate_id, kind, mode, occurred_at, vehicle_type, ticket_ref,
                                       central_ticket_id, replayed_at, outcome)
                    values (?, ?, 'ENTRY', 'ONLINE', ?, ?, ?, ?, ?, 'ONLINE')
                    """,
                    eventId,
                    gateId,
                    at.toString(),
                    vehicleType,
                    barcode,
                    centralTicketId,
                    at.toString());
            update(
                    "insert or replace into ticket (ref, central_ticket_id, entry_at, vehicle_type) values (?, ?, ?, ?)",
                    barcode,
                    centralTicketId,
                    at.toString(),
                    vehicleType);
            return null;
        });
    }

    /** An exit: the event (online ones as already replayed) and the ticket marked as gone, in one commit. */
    public synchronized void recordExit(ExitRecord exit) {
        inTransaction(() -> {
            boolean online = exit.online();
            update(
                    """
                    insert into event (event_id, gate_id, kind, mode, occurred_at, plate, ticket_ref, central_ticket_id,
                                       amount_due, amount_collected, amount_uncollected, replayed_at, outcome)
                    values (?, ?, 'EXIT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    exit.eventId(),
                    exit.gateId(),
                    online ? "ONLINE" : "OFFLINE",
                    exit.at().toString(),
                    exit.plate(),
                    exit.ticketRef(),
                    exit.centralTicketId(),
                    money(exit.due()),
                    money(exit.collected()),
                    money(exit.uncollected()),
                    online ? exit.at().toString() : null,
                    online ? "ONLINE" : null);
            update("update ticket set exited_at = ? where ref = ?", exit.at().toString(), exit.ticketRef());
            return null;
        });
    }

    public synchronized Optional<LocalTicket> ticket(String ref) {
        return query(
                        "select ref, central_ticket_id, entry_at, vehicle_type, exited_at from ticket where ref = ?",
                        rs -> new LocalTicket(
                                rs.getString(1),
                                rs.getString(2),
                                Instant.parse(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5) == null ? null : Instant.parse(rs.getString(5))),
                        ref)
                .stream()
                .findFirst();
    }

    /** The oldest offline events not yet replayed: consecutive events of one gate, at most {@code max}. */
    public synchronized List<PendingEvent> pendingBatch(int max) {
        return pendingBatch(max, false);
    }

    /**
     * The oldest offline events not yet replayed, in journal order, at most {@code max}; unless {@code acrossGates},
     * only the first gate's consecutive events.
     */
    public synchronized List<PendingEvent> pendingBatch(int max, boolean acrossGates) {
        List<PendingEvent> oldest = query(
                """
                select seq, event_id, gate_id, kind, occurred_at, vehicle_type, plate, quota_place_id, ticket_ref,
                       amount_collected, amount_uncollected
                  from event where mode = 'OFFLINE' and replayed_at is null order by seq limit ?
                """,
                rs -> new PendingEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.parse(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        decimal(rs.getString(10)),
                        decimal(rs.getString(11))),
                max);
        List<PendingEvent> batch = new ArrayList<>();
        for (PendingEvent e : oldest) {
            if (!acrossGates && !batch.isEmpty() && !batch.getFirst().gateId().equals(e.gateId())) break;
            batch.add(e);
        }
        return batch;
    }

    public synchronized long pendingCount() {
        return query("select count(*) from event where mode = 'OFFLINE' and replayed_at is null", rs -> rs.getLong(1))
                .getFirst();
    }

    /** Central answered for these events: they are never sent again, and their plates are erased from here. */
    public synchronized void markReplayed(List<Replayed> replayed, Instant now) {
        inTransaction(() -> {
            for (Replayed r : replayed) {
                update(
                        "update event set replayed_at = ?, outcome = ?, central_ticket_id = coalesce(?, central_ticket_id), plate = null where event_id = ?",
                        now.toString(),
                        r.outcome(),
                        r.centralTicketId(),
                        r.eventId());
                if (r.centralTicketId() != null) {
                    update(
                            "update ticket set central_ticket_id = ? where ref = ? and central_ticket_id is null",
                            r.centralTicketId(),
                            r.eventId());
                }
            }
            return null;
        });
    }

    /**
     * Central's list of the places the gate holds replaces the unused ones kept here; places already used offline
     * stay used (central will see them claimed when their entries are replayed).
     */
    public synchronized void replaceUnusedQuota(String gateId, List<QuotaPlace> held) {
        inTransaction(() -> {
            update("delete from quota_place where gate_id = ? and used_by is null", gateId);
            for (QuotaPlace p : held) {
                update(
                        """
                        insert or ignore into quota_place (place_id, gate_id, vehicle_type, floor_id, zone, spot_id)
                        values (?, ?, ?, ?, ?, ?)
                        """,
                        p.placeId(),
                        gateId,
                        p.vehicleType(),
                        p.floorId(),
                        p.zone(),
                        p.spotId());
            }
            return null;
        });
    }

    public synchronized int quotaLeft(String gateId, String vehicleType) {
        return query(
                        "select count(*) from quota_place where gate_id = ? and vehicle_type = ? and used_by is null",
                        rs -> rs.getInt(1),
                        gateId,
                        vehicleType)
                .getFirst();
    }

    public synchronized Optional<String> meta(String key) {
        return query("select value from meta where key = ?", rs -> rs.getString(1), key).stream()
                .findFirst();
    }

    public synchronized void saveMeta(String key, String value) {
        inTransaction(() -> {
            putMeta(key, value);
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new JournalException("closing the journal", e);
        }
    }

    private Optional<QuotaPlace> firstUnused(String gateId, String vehicleType) {
        return query(
                        """
                        select place_id, vehicle_type, floor_id, zone, spot_id from quota_place
                         where gate_id = ? and vehicle_type = ? and used_by is null order by rowid limit 1
                        """,
                        rs -> new QuotaPlace(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        gateId,
                        vehicleType)
                .stream()
                .findFirst();
    }

    private void putMeta(String key, String value) {
        update("insert or replace into meta (key, value) values (?, ?)", key, value);
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs the work in one transaction; the commit returns only once SQLite has synced it to disk. */
    private <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof JournalException j ? j : new JournalException("journal write failed", e);
        }
    }

    private void update(String sql, Object... params) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("journal write failed: " + sql.strip().split("\\s+")[0], e);
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("journal read failed", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static String newEpoch() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }
}
