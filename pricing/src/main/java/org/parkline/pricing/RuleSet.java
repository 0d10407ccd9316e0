package org.parkline.pricing;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A validated, immutable tariff: the parsed form of a rule-set JSON document. Thread-safe; parse
 * once per published version and reuse.
 *
 * <p>Minimal document (the full grammar is in {@code docs/pricing.md}):
 *
 * <pre>{@code
 * {"currency":"SGD","rules":[
 *   {"id":"free_15","kind":"FREE_MINUTES","minutes":15},
 *   {"id":"weekday_hourly","kind":"HOURLY","rate":"2.60"},
 *   {"id":"daily_cap","kind":"DAILY_CAP","amount":"20.00"}]}
 * }</pre>
 */
public final class RuleSet {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String version;
    private final String canonicalJson;
    private final Tariff tariff;
    private final Pricer pricer;

    private RuleSet(String version, String canonicalJson, Tariff tariff) {
        this.version = version;
        this.canonicalJson = canonicalJson;
        this.tariff = tariff;
        this.pricer = new Pricer(tariff, version);
    }

    /**
     * Parses and validates a rule-set document.
     *
     * @param version the version label stored with the document (e.g. {@code "3"})
     * @param json the document
     * @return the rule set, ready to price stays
     * @throws InvalidRuleSetException listing every problem when the document cannot be used
     */
    public static RuleSet parse(String version, String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRuleSetException(List.of("document: is empty; expected a JSON object."));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidRuleSetException(List.of("document: is not valid JSON (" + e.getOriginalMessage() + ")."));
        }
        Tariff tariff = RuleSetParser.parse(root);
        return new RuleSet(version, CanonicalJson.write(root, JSON), tariff);
    }

    /** The version label given to {@link #parse}; every quote carries it. */
    public String version() {
        return version;
    }

    /** The currency of every amount in the document and in quotes. */
    public Currency currency() {
        return tariff.money().currency();
    }

    /** Minutes after a payment during which the vehicle may leave without owing more; 0 without a GRACE_PERIOD rule. */
    public int graceMinutes() {
        return tariff.single(Rule.GracePeriod.class)
                .map(Rule.GracePeriod::minutes)
                .orElse(0);
    }

    /** {@link #graceMinutes()} as a duration. */
    public Duration gracePeriod() {
        return Duration.ofMinutes(graceMinutes());
    }

    /**
     * The promotion and validation codes the document defines, as matched: trimmed, upper case, in document order.
     * A code outside this list still prices (as a zero {@code unknown-promotion:CODE} line); the server uses the
     * list to refuse such a code when it is presented.
     */
    public List<String> promotionCodes() {
        return tariff.promotions().stream().map(Promotion::code).toList();
    }

    /** Whether a presented code names one of {@link #promotionCodes()}, ignoring case and surrounding spaces. */
    public boolean definesPromotion(String code) {
        return promotionCodes().contains(normalizePromotionCode(code));
    }

    /** A presented code as the engine matches it: trimmed and upper case. */
    public static String normalizePromotionCode(String code) {
        return Promotion.normalize(code);
    }

    /**
     * The document with object keys sorted and no insignificant whitespace: equal documents give
     * equal text, so it can be stored, hashed and compared across the server and the edge.
     */
    public String canonicalJson() {
        return canonicalJson;
    }

    /** Prices a stay; the same as {@link PricingEngine#quote(RuleSet, Stay)}. */
    public Quote price(Stay stay) {
        return pricer.quote(stay);
    }

    @Override
    public String toString() {
        return "RuleSet[version=" + version + ", currency=" + currency() + "]";
    }
}
