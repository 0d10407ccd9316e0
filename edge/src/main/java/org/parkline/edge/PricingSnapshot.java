package org.parkline.edge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.parkline.client.ParklineClient;
import org.parkline.client.PricingRuleSet;
import org.parkline.edge.journal.Journal;
import org.parkline.pricing.PricingEngine;
import org.parkline.pricing.Quote;
import org.parkline.pricing.RuleSet;
import org.parkline.pricing.Stay;
import org.parkline.pricing.VehicleClass;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lot's tariff as the controller last fetched it (the version in effect then), kept in the journal so that a
 * controller restarted while central is down still prices exits, with the same {@code pricing/} engine as central.
 */
public final class PricingSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Journal journal;
    private final PricingEngine engine = new PricingEngine();
    private volatile RuleSet rules;
    private volatile ZoneId zone;

    public PricingSnapshot(Journal journal) {
        this.journal = journal;
        Optional<String> document = journal.meta("pricing.document");
        Optional<String> version = journal.meta("pricing.version");
        Optional<String> tz = journal.meta("lot.timezone");
        if (document.isPresent() && version.isPresent() && tz.isPresent()) {
            rules = RuleSet.parse(version.get(), document.get());
            zone = ZoneId.of(tz.get());
        }
    }

    /** Fetches the version in effect now (only its document when the version changed) and keeps it. */
    public void refresh(ParklineClient central, String lotId) {
        ZoneId lotZone = central.lot(lotId).timezone();
        PricingRuleSet.Versions versions = central.pricingVersions(lotId);
        String version = Integer.toString(versions.inEffectNow());
        if (rules != null && rules.version().equals(version) && lotZone.equals(zone)) return;
        PricingRuleSet current = central.pricingRuleSet(lotId, versions.inEffectNow());
        String document = JSON.writeValueAsString(current.document());
        RuleSet parsed = RuleSet.parse(version, document);
        journal.saveMeta("pricing.document", document);
        journal.saveMeta("pricing.version", version);
        journal.saveMeta("lot.timezone", lotZone.getId());
        rules = parsed;
        zone = lotZone;
    }

    public boolean available() {
        return rules != null;
    }

    public String version() {
        return rules == null ? "none" : rules.version();
    }

    /** What a stay costs; a stay with no known entry is priced as a lost ticket (the tariff's lost-ticket fee). */
    public Optional<Quote> price(Instant entryAt, Instant exitAt, String vehicleType, boolean lostTicket) {
        if (rules == null) return Optional.empty();
        Instant exit = exitAt.isBefore(entryAt) ? entryAt : exitAt;
        Stay stay = new Stay(
                entryAt,
                exit,
                zone,
                VehicleClass.valueOf(vehicleType),
                false,
                lostTicket,
                List.of(),
                BigDecimal.ZERO,
                null);
        return Optional.of(engine.quote(rules, stay));
    }

    public String currency() {
        return rules == null ? "" : rules.currency().getCurrencyCode();
    }
}
