package org.parkline.server.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.pricing.PricingEngine;
import org.parkline.pricing.Quote;
import org.parkline.pricing.QuoteComparison;
import org.parkline.pricing.RuleSet;
import org.parkline.pricing.Stay;
import org.parkline.pricing.VehicleClass;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prices a stay that did not happen, under a published version or a draft, and compares two tariffs. Changes nothing. */
@Service
class PricingSimulator {

    /** Longer than this is not a stay anyone needs priced; it is a typo in a date. */
    static final Duration LONGEST_STAY = Duration.ofDays(366);

    private final Tariffs tariffs;
    private final LotCatalog lots;
    private final JsonMapper json;
    private final PricingEngine engine = new PricingEngine();

    PricingSimulator(Tariffs tariffs, LotCatalog lots, JsonMapper json) {
        this.tariffs = tariffs;
        this.lots = lots;
        this.json = json;
    }

    /** A published version, a draft document, or neither: the version the lot's basis picks for the stay. */
    record Choice(@Nullable Integer version, @Nullable JsonNode draft) {
        Choice {
            if (draft != null && (draft.isNull() || draft.isMissingNode())) draft = null;
        }
    }

    record Hypothetical(
            String lotId,
            Instant entryAt,
            Instant exitAt,
            VehicleClass vehicle,
            boolean evCharging,
            boolean lostTicket,
            List<String> promotionCodes) {}

    record Result(Lot lot, Quote quote, @Nullable QuoteComparison comparison) {}

    Result simulate(Hypothetical stay, Choice tariff, @Nullable Choice compareWith) {
        Lot lot = lots.lot(stay.lotId()).orElseThrow(() -> ApiProblem.notFound("lot", stay.lotId()));
        Stay priced = stay(stay, lot);
        RuleSet rules = rules(lot, stay, tariff, "");
        if (compareWith == null) return new Result(lot, engine.quote(rules, priced), null);
        if (compareWith.version() == null && compareWith.draft() == null) {
            throw ApiProblem.invalid("compareWith: give a published \"version\" or a \"draft\" document");
        }
        RuleSet current = rules(lot, stay, compareWith, "compareWith.");
        QuoteComparison comparison = engine.compare(current, rules, priced);
        return new Result(lot, comparison.candidate(), comparison);
    }

    private static Stay stay(Hypothetical stay, Lot lot) {
        if (stay.exitAt().isBefore(stay.entryAt())) {
            throw invalidStay("exitAt " + stay.exitAt() + " is before entryAt " + stay.entryAt());
        }
        if (Duration.between(stay.entryAt(), stay.exitAt()).compareTo(LONGEST_STAY) > 0) {
            throw invalidStay("the stay is longer than " + LONGEST_STAY.toDays() + " days; check entryAt and exitAt");
        }
        return new Stay(
                stay.entryAt(),
                stay.exitAt(),
                lot.timezone(),
                stay.vehicle(),
                stay.evCharging(),
                stay.lostTicket(),
                stay.promotionCodes(),
                BigDecimal.ZERO,
                null);
    }

    private RuleSet rules(Lot lot, Hypothetical stay, Choice choice, String field) {
        if (choice.version() != null && choice.draft() != null) {
            throw ApiProblem.invalid(field + "version, " + field + "draft: give one of them, not both");
        }
        if (choice.draft() != null) {
            String where = field.isEmpty() ? "" : field + "draft: ";
            return RuleSetDocuments.parse(json, lot, choice.draft(), where, field + RuleSetDocuments.DRAFT);
        }
        if (choice.version() != null) {
            int version = choice.version();
            return tariffs.version(lot.id(), version)
                    .orElseThrow(() -> ApiProblem.notFound("rule-set version", lot.id() + "/" + version))
                    .rules();
        }
        return tariffs.forStay(lot, stay.entryAt(), stay.exitAt()).rules();
    }

    private static ApiProblem invalidStay(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-stay", "Impossible stay", detail);
    }
}
