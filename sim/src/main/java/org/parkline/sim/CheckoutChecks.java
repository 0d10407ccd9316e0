package org.parkline.sim;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What must hold after a checkout rush, read straight from the server's tables. */
final class CheckoutChecks {

    // Captured (net of refunds) and pending (authorized, capture still under way) payments per closed ticket.
    private static final String TICKETS_AGAINST_PAYMENTS =
            """
            select t.id, coalesce(t.amount_charged, 0),
                   coalesce(sum(p.amount - p.refunded_amount) filter (where p.status in ('CAPTURED', 'REFUNDED')), 0),
                   coalesce(sum(p.amount) filter (where p.status = 'AUTHORIZED'), 0),
                   count(p.id) filter (where p.status in ('CAPTURED', 'REFUNDED', 'AUTHORIZED')),
                   t.status
            from ticket t
            left join payment p on p.payable_kind = 'TICKET' and p.payable_ref = t.id
            where t.lot_id = ?
            group by t.id, t.amount_charged, t.status
            """;

    private static final String UNFINISHED_PAYMENTS =
            "select id || ' ' || status from payment where lot_id = ? and status = 'INITIATED'";

    private final String jdbcUrl;
    private final String lotId;

    CheckoutChecks(String jdbcUrl, String lotId) {
        this.jdbcUrl = jdbcUrl;
        this.lotId = lotId;
    }

    List<CheckResult> afterCheckout(List<CheckoutWave.DoubleSend> doubleSends) throws SQLException {
        List<String> active = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        List<String> chargedTwice = new ArrayList<>();
        long closed = 0;
        long pendingTickets = 0;
        long extraPayments = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl);
                PreparedStatement query = db.prepareStatement(TICKETS_AGAINST_PAYMENTS)) {
            query.setString(1, lotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String ticket = rows.getString(1);
                    var charged = rows.getBigDecimal(2);
                    var covered = rows.getBigDecimal(3).add(rows.getBigDecimal(4));
                    if (rows.getBigDecimal(4).signum() > 0) pendingTickets++;
                    if (rows.getLong(5) > 1) extraPayments++;
                    if (!rows.getString(6).equals("CLOSED")) {
                        active.add(ticket + " " + rows.getString(6));
                        continue;
                    }
                    closed++;
                    if (covered.compareTo(charged) < 0)
                        uncovered.add(ticket + " charged " + charged + " paid " + covered);
                    if (covered.compareTo(charged) > 0) {
                        chargedTwice.add(ticket + " charged " + charged + " paid " + covered);
                    }
                }
            }
            List<String> initiated = strings(db, UNFINISHED_PAYMENTS);
            long named2 = doubleSends.stream().filter(d -> !d.samePayment()).count();
            return List.of(
                    CheckResult.of("every vehicle left (no ticket still ACTIVE)", active.isEmpty(), examples(active)),
                    CheckResult.of(
                            "every exit is covered by its captured or pending payments",
                            uncovered.isEmpty(),
                            uncovered.isEmpty()
                                    ? "%d CLOSED, %d left on a pending capture".formatted(closed, pendingTickets)
                                    : examples(uncovered)),
                    CheckResult.of(
                            "no ticket was charged twice (paid never more than its charge)",
                            chargedTwice.isEmpty(),
                            chargedTwice.isEmpty()
                                    ? "%d tickets paid in two parts after a 402".formatted(extraPayments)
                                    : examples(chargedTwice)),
                    CheckResult.of(
                            "every payment sent twice with one key named one payment",
                            named2 == 0,
                            "%d sent twice, %d named two payments".formatted(doubleSends.size(), named2)),
                    CheckResult.of("no payment is left INITIATED", initiated.isEmpty(), examples(initiated)));
        }
    }

    private List<String> strings(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, lotId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static String examples(List<String> found) {
        if (found.isEmpty()) return "";
        return found.size() + " found, e.g. " + String.join("; ", found.subList(0, Math.min(5, found.size())));
    }
}
