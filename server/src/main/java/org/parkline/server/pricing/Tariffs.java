package org.parkline.server.pricing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parkline.pricing.InvalidRuleSetException;
import org.parkline.pricing.RuleSet;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotLaidOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule-set versions of each lot. Published versions never change (a database trigger refuses it), so a
 * parsed version is cached forever; which version is in effect is always read from the database.
 */
@Service
public class Tariffs {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, RuleSet> parsed = new ConcurrentHashMap<>();

    Tariffs(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** The version in effect at an instant: the latest whose effective-from is not after it. */
    public Tariff inEffect(String lotId, java.time.Instant at) {
        return jdbc.sql(
                        """
                        select version, effective_from, document::text from pricing_rule_set
                         where lot_id = :lot and effective_from <= :at
                         order by effective_from desc, version desc limit 1
                        """)
                .param("lot", lotId)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> tariff(lotId, rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional()
                .or(() -> first(lotId))
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT, "no-tariff", "No tariff", "Lot " + lotId + " has no published rule set"));
    }

    public Optional<Tariff> version(String lotId, int version) {
        return jdbc.sql(
                        "select version, effective_from, document::text from pricing_rule_set where lot_id = :lot and version = :v")
                .param("lot", lotId)
                .param("v", version)
                .query((rs, n) -> tariff(lotId, rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    /** A stay that began before the first version took effect is priced by the first version. */
    private Optional<Tariff> first(String lotId) {
        return jdbc.sql(
                        "select version, effective_from, document::text from pricing_rule_set where lot_id = :lot order by version limit 1")
                .param("lot", lotId)
                .query((rs, n) -> tariff(lotId, rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    @EventListener
    void on(LotLaidOut event) {
        JsonNode document = event.layout().pricing();
        String text = document == null || document.isNull()
                ? DefaultTariff.forCurrency(event.lot().currency())
                : json.writeValueAsString(document);
        publishFirst(event.lot(), text);
    }

    private void publishFirst(Lot lot, String document) {
        try {
            RuleSet rules = RuleSet.parse("1", document);
            if (!rules.currency().equals(lot.currency())) {
                throw ApiProblem.invalid("pricing: the rule set's currency " + rules.currency()
                        + " differs from the lot's " + lot.currency());
            }
        } catch (InvalidRuleSetException e) {
            throw ApiProblem.invalid("pricing: " + String.join("; ", e.problems()))
                    .with("errors", e.problems());
        }
        jdbc.sql(
                        """
                        insert into pricing_rule_set (lot_id, version, document, effective_from, published_by)
                        values (:lot, 1, cast(:doc as jsonb), :from, 'lot-setup')
                        """)
                .param("lot", lot.id())
                .param("doc", document)
                .param("from", Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new Audited(
                "pricing.published",
                "rule_set",
                lot.id() + "#1",
                lot.id(),
                null,
                Map.of("version", 1, "publishedBy", "lot-setup")));
    }

    private Tariff tariff(String lotId, int version, java.time.Instant from, String document) {
        RuleSet rules =
                parsed.computeIfAbsent(lotId + "#" + version, k -> RuleSet.parse(String.valueOf(version), document));
        return new Tariff(lotId, version, from, rules);
    }
}
