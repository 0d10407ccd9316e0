package org.parkline.server.pricing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.pricing.RuleSet;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.lots.LotLaidOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a lot's next rule-set version. Publishes of one lot queue on a lock of the lot's row, so two at once
 * get consecutive versions; the primary key and a trigger (V20) refuse a repeated or skipped number regardless.
 */
@Service
class RuleSetPublisher {

    /** An effective-from this little in the past is taken as "now": the sender's clock may run a little behind. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LotCatalog lots;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RuleSetPublisher(JdbcClient jdbc, JsonMapper json, LotCatalog lots, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.lots = lots;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Tariff.Published publish(String lotId, @Nullable JsonNode document, @Nullable Instant effectiveFrom, String by) {
        Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        RuleSet rules = RuleSetDocuments.parse(json, lot, document, "", RuleSetDocuments.DRAFT);
        lockLot(lotId);
        // "now" is read under the lock: a later version published "now" never gets an earlier effective-from than
        // the version before it, which would hide it behind that version for good
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = effectiveFrom(effectiveFrom, now);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from pricing_rule_set where lot_id = :lot")
                .param("lot", lotId)
                .query(Integer.class)
                .single();
        return insert(lot, version, rules, from, now, by);
    }

    /** Every lot starts with version 1 (its layout's tariff, or the default one), in the creating transaction. */
    @EventListener
    void on(LotLaidOut event) {
        JsonNode document = event.layout().pricing();
        Lot lot = event.lot();
        RuleSet rules = document == null || document.isNull()
                ? RuleSet.parse("1", DefaultTariff.forCurrency(lot.currency()))
                : RuleSetDocuments.parseLayout(json, lot, document);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        insert(lot, 1, rules, now, now, "lot-setup");
    }

    private static Instant effectiveFrom(@Nullable Instant requested, Instant now) {
        if (requested == null) return now;
        if (requested.isBefore(now.minus(CLOCK_SKEW))) {
            throw new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "effective-from-in-past",
                            "Effective-from in the past",
                            "effectiveFrom " + requested + " is in the past (now is "
                                    + now.truncatedTo(ChronoUnit.SECONDS)
                                    + "); a published version may only take effect now or later. Leave it out for now.")
                    .with("now", now);
        }
        Instant from = requested.truncatedTo(ChronoUnit.MICROS);
        return from.isBefore(now) ? now : from;
    }

    /** Publishes of one lot queue here. NO KEY UPDATE: entries and exits (which only reference the lot) go on. */
    private void lockLot(String lotId) {
        jdbc.sql("select id from lot where id = :lot for no key update")
                .param("lot", lotId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("lot", lotId));
    }

    private Tariff.Published insert(Lot lot, int version, RuleSet rules, Instant from, Instant now, String by) {
        jdbc.sql(
                        """
                        insert into pricing_rule_set (lot_id, version, document, effective_from, published_at, published_by)
                        values (:lot, :version, cast(:doc as jsonb), :from, :at, :by)
                        """)
                .param("lot", lot.id())
                .param("version", version)
                .param("doc", rules.canonicalJson())
                .param("from", Timestamp.from(from))
                .param("at", Timestamp.from(now))
                .param("by", by)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", version);
        after.put("effectiveFrom", from.toString());
        after.put("currency", rules.currency().getCurrencyCode());
        after.put("documentSha256", sha256(rules.canonicalJson()));
        events.publishEvent(
                new Audited("pricing.published", "pricing-rule-set", lot.id() + "/" + version, lot.id(), null, after));
        return new Tariff.Published(lot.id(), version, from, now, by);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
