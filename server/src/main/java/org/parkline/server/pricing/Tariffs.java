package org.parkline.server.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parkline.pricing.RuleSet;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.lots.Lot;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rule-set versions of each lot. Published versions never change (a database trigger refuses it), so a
 * parsed version is cached forever; which version is in effect is always read from the database.
 *
 * <p>Versions form a timeline: the version in effect at an instant is the one with the latest effective-from not
 * after it (the higher version on a tie). A version scheduled for later does not end before it starts.
 */
@Service
public class Tariffs {

    private static final String COLUMNS = "version, effective_from, published_at, published_by, document::text";

    private final JdbcClient jdbc;
    private final Map<String, RuleSet> parsed = new ConcurrentHashMap<>();

    Tariffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The version that prices a stay, by the lot's pricing basis: in effect when the vehicle entered (ENTRY), or
     * when it leaves, or at the instant quoted (EXIT). Under ENTRY the answer never moves during a stay.
     */
    public Tariff forStay(Lot lot, Instant entryAt, Instant exitAt) {
        return inEffect(lot.id(), lot.pricingBasis() == Lot.PricingBasis.ENTRY ? entryAt : exitAt);
    }

    /** The version in effect at an instant: the latest whose effective-from is not after it. */
    public Tariff inEffect(String lotId, Instant at) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from pricing_rule_set
                         where lot_id = :lot and effective_from <= :at
                         order by effective_from desc, version desc limit 1
                        """)
                .param("lot", lotId)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> tariff(lotId, rs))
                .optional()
                .or(() -> first(lotId))
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT, "no-tariff", "No tariff", "Lot " + lotId + " has no published rule set"));
    }

    public Optional<Tariff> version(String lotId, int version) {
        return jdbc.sql("select " + COLUMNS + " from pricing_rule_set where lot_id = :lot and version = :v")
                .param("lot", lotId)
                .param("v", version)
                .query((rs, n) -> tariff(lotId, rs))
                .optional();
    }

    /** Every version of a lot, newest first, without parsing their documents. */
    List<Tariff.Published> versions(String lotId) {
        return jdbc.sql(
                        """
                        select version, effective_from, published_at, published_by
                          from pricing_rule_set where lot_id = :lot order by version desc
                        """)
                .param("lot", lotId)
                .query((rs, n) -> published(lotId, rs))
                .list();
    }

    /** A stay that began before the first version took effect is priced by the first version. */
    private Optional<Tariff> first(String lotId) {
        return jdbc.sql("select " + COLUMNS + " from pricing_rule_set where lot_id = :lot order by version limit 1")
                .param("lot", lotId)
                .query((rs, n) -> tariff(lotId, rs))
                .optional();
    }

    private Tariff tariff(String lotId, ResultSet rs) throws SQLException {
        Tariff.Published published = published(lotId, rs);
        String document = rs.getString(5);
        RuleSet rules = parsed.computeIfAbsent(
                lotId + "#" + published.version(), k -> RuleSet.parse(String.valueOf(published.version()), document));
        return new Tariff(published, rules);
    }

    private static Tariff.Published published(String lotId, ResultSet rs) throws SQLException {
        return new Tariff.Published(
                lotId,
                rs.getInt(1),
                rs.getTimestamp(2).toInstant(),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4));
    }
}
