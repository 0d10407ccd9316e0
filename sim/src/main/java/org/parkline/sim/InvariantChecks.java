package org.parkline.sim;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold in the database after each wave, read straight from the server's tables (not through
 * the API, which could be wrong in the same way as the code under test).
 */
final class InvariantChecks {

    private static final String SPOTS_WITH_TWO_ACTIVE_TICKETS =
            """
            select spot_id from ticket
            where lot_id = ? and status = 'ACTIVE' and spot_id is not null
            group by spot_id having count(*) > 1
            """;

    // A counter row missing for a spot type that exists reads as -1, so it never equals the truth.
    private static final String COUNTERS_DIFFERING_FROM_SPOTS =
            """
            with truth as (
                select floor_id, zone_code, type as spot_type,
                       count(*) as total,
                       count(*) filter (where status = 'AVAILABLE') as available,
                       count(*) filter (where status = 'OCCUPIED') as occupied,
                       count(*) filter (where status = 'RESERVED') as reserved,
                       count(*) filter (where status = 'OUT_OF_SERVICE') as out_of_service
                from spot where lot_id = ?
                group by floor_id, zone_code, type),
            counter as (select * from zone_counter_now where lot_id = ?)
            select coalesce(c.floor_id, t.floor_id) || '/' || coalesce(c.zone_code, t.zone_code) || '/'
                       || coalesce(c.spot_type, t.spot_type)
                       || ' counter ' || coalesce(c.available, -1) || '/' || coalesce(c.occupied, -1)
                       || '/' || coalesce(c.total, -1)
                       || ' spots ' || coalesce(t.available, 0) || '/' || coalesce(t.occupied, 0)
                       || '/' || coalesce(t.total, 0) as difference
            from counter c full join truth t
              on t.floor_id = c.floor_id and t.zone_code = c.zone_code and t.spot_type = c.spot_type
            where coalesce(c.total, -1) <> coalesce(t.total, 0)
               or coalesce(c.available, -1) <> coalesce(t.available, 0)
               or coalesce(c.occupied, -1) <> coalesce(t.occupied, 0)
               or coalesce(c.reserved, -1) <> coalesce(t.reserved, 0)
               or coalesce(c.out_of_service, -1) <> coalesce(t.out_of_service, 0)
            """;

    private static final String ACTIVE_TICKETS_NOT_ON_OCCUPIED_SPOTS =
            """
            select t.id || ' on ' || s.id || ' ' || s.status from ticket t join spot s on s.id = t.spot_id
            where t.lot_id = ? and t.status = 'ACTIVE' and s.status <> 'OCCUPIED'
            """;

    private static final String OCCUPIED_SPOTS_WITHOUT_ACTIVE_TICKET =
            """
            select s.id from spot s
            where s.lot_id = ? and s.status = 'OCCUPIED'
              and not exists (select 1 from ticket t where t.spot_id = s.id and t.status = 'ACTIVE')
            """;

    private static final String TICKETS_BY_STATUS =
            """
            select count(*) filter (where status = 'ACTIVE'), count(*) filter (where status = 'CLOSED'), count(*)
            from ticket where lot_id = ?
            """;

    private static final String SPOTS_NOT_AVAILABLE =
            """
            select id || ' ' || status from spot where lot_id = ? and status <> 'AVAILABLE'
            """;

    private static final String CLOSED_TICKETS_WITH_CAPTURED_PAYMENTS =
            """
            select t.id, coalesce(t.amount_charged, 0) as charged,
                   coalesce(sum(p.amount) filter (where p.status = 'CAPTURED'), 0) as captured
            from ticket t
            left join payment p on p.payable_kind = 'TICKET' and p.payable_ref = t.id
            where t.lot_id = ? and t.status = 'CLOSED'
            group by t.id, t.amount_charged
            """;

    private static final int EXAMPLES = 5;

    private final String jdbcUrl;
    private final String lotId;

    InvariantChecks(String jdbcUrl, String lotId) {
        this.jdbcUrl = jdbcUrl;
        this.lotId = lotId;
    }

    /** With the lot full: no double allocation, counters true, one ticket per retried key. */
    List<CheckResult> afterEntry(EntryBurst entry) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            List<CheckResult> results = new ArrayList<>();
            results.add(noSpotHasTwoActiveTickets(db));
            results.add(countersMatchSpots(db));
            results.add(ticketsAndSpotsAgree(db));
            results.add(retriedKeysProducedOneTicket(db, entry));
            return results;
        }
    }

    /** With the lot emptied: nothing active, every spot free, counters true, every stay paid. */
    List<CheckResult> afterExit() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            List<CheckResult> results = new ArrayList<>();
            results.add(noSpotHasTwoActiveTickets(db));
            results.add(noActiveTicketRemains(db));
            List<String> busy = strings(db, SPOTS_NOT_AVAILABLE);
            results.add(CheckResult.of("every spot is AVAILABLE after the exits", busy.isEmpty(), examples(busy)));
            results.add(countersMatchSpots(db));
            results.addAll(closedTicketsArePaid(db));
            return results;
        }
    }

    private CheckResult noSpotHasTwoActiveTickets(Connection db) throws SQLException {
        List<String> spots = strings(db, SPOTS_WITH_TWO_ACTIVE_TICKETS);
        return CheckResult.of("no spot has two ACTIVE tickets", spots.isEmpty(), examples(spots));
    }

    private CheckResult countersMatchSpots(Connection db) throws SQLException {
        List<String> differences = strings(db, COUNTERS_DIFFERING_FROM_SPOTS, lotId, lotId);
        return CheckResult.of(
                "zone counters (base + pending deltas) equal the spot rows by floor, zone, type and status",
                differences.isEmpty(),
                differences.isEmpty() ? "" : "available/occupied/total: " + examples(differences));
    }

    private CheckResult ticketsAndSpotsAgree(Connection db) throws SQLException {
        List<String> wrong = new ArrayList<>(strings(db, ACTIVE_TICKETS_NOT_ON_OCCUPIED_SPOTS));
        strings(db, OCCUPIED_SPOTS_WITHOUT_ACTIVE_TICKET).forEach(spot -> wrong.add(spot + " has no ACTIVE ticket"));
        return CheckResult.of(
                "every ACTIVE ticket holds an OCCUPIED spot and every OCCUPIED spot an ACTIVE ticket",
                wrong.isEmpty(),
                examples(wrong));
    }

    private CheckResult retriedKeysProducedOneTicket(Connection db, EntryBurst entry) throws SQLException {
        List<EntryBurst.Replay> replays = entry.replayed();
        long different = replays.stream().filter(EntryBurst.Replay::otherTicket).count();
        long unanswered =
                replays.stream().filter(r -> r.replayTicketId() == null).count();
        long admitted = entry.admitted().stream()
                .map(EntryBurst.Admission::ticketId)
                .distinct()
                .count();
        long inDatabase = ticketCounts(db)[2];
        long unresolved = entry.unresolved();
        boolean countsAgree = inDatabase >= admitted && inDatabase <= admitted + unresolved;
        return CheckResult.of(
                "every retried idempotency key produced one ticket",
                different == 0 && countsAgree,
                "%d replays (%d unanswered), %d named another ticket; %d tickets admitted, %d in the database%s"
                        .formatted(
                                replays.size(),
                                unanswered,
                                different,
                                admitted,
                                inDatabase,
                                unresolved == 0 ? "" : ", " + unresolved + " entries never answered"));
    }

    private CheckResult noActiveTicketRemains(Connection db) throws SQLException {
        long[] counts = ticketCounts(db);
        return CheckResult.of(
                "no ACTIVE ticket remains after the exits",
                counts[0] == 0,
                "%d ACTIVE, %d CLOSED of %d".formatted(counts[0], counts[1], counts[2]));
    }

    private List<CheckResult> closedTicketsArePaid(Connection db) throws SQLException {
        List<String> uncovered = new ArrayList<>();
        List<String> overpaid = new ArrayList<>();
        long charged = 0;
        long closed = 0;
        try (PreparedStatement query = db.prepareStatement(CLOSED_TICKETS_WITH_CAPTURED_PAYMENTS)) {
            query.setString(1, lotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    closed++;
                    BigDecimal charge = rows.getBigDecimal(2);
                    BigDecimal captured = rows.getBigDecimal(3);
                    if (charge.signum() > 0) {
                        charged++;
                    }
                    if (captured.compareTo(charge) < 0) {
                        uncovered.add(rows.getString(1) + " charged " + charge + " captured " + captured);
                    } else if (captured.compareTo(charge) > 0) {
                        overpaid.add(rows.getString(1) + " charged " + charge + " captured " + captured);
                    }
                }
            }
        }
        String tally = "%d CLOSED, %d with a charge".formatted(closed, charged);
        return List.of(
                CheckResult.of(
                        "every CLOSED ticket's charge is covered by CAPTURED payments",
                        uncovered.isEmpty(),
                        uncovered.isEmpty() ? tally : examples(uncovered)),
                CheckResult.of(
                        "no CLOSED ticket was captured more than its charge (no double payment)",
                        overpaid.isEmpty(),
                        examples(overpaid)));
    }

    private long[] ticketCounts(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(TICKETS_BY_STATUS)) {
            query.setString(1, lotId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
            }
        }
    }

    private List<String> strings(Connection db, String sql) throws SQLException {
        return strings(db, sql, lotId);
    }

    private static List<String> strings(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static String examples(List<String> found) {
        if (found.isEmpty()) {
            return "";
        }
        String shown = String.join("; ", found.subList(0, Math.min(EXAMPLES, found.size())));
        return found.size() + " found, e.g. " + shown;
    }
}
