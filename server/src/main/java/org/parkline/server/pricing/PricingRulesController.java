package org.parkline.server.pricing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Pricing", description = "Publish, list and simulate a lot's rule-set versions")
class PricingRulesController {

    private final LotAccess access;

    /** Where a version stands now. */
    enum Status {
        /** Prices stays now (under the EXIT basis; under ENTRY, stays that enter now). */
        IN_EFFECT,
        /** Takes effect at its effective-from. */
        SCHEDULED,
        /** Took effect once; another version has taken over since. */
        SUPERSEDED
    }

    private final RuleSetPublisher publisher;
    private final Tariffs tariffs;
    private final LotCatalog lots;
    private final JsonMapper json;
    private final Clock clock;

    PricingRulesController(
            RuleSetPublisher publisher,
            Tariffs tariffs,
            LotCatalog lots,
            JsonMapper json,
            Clock clock,
            LotAccess access) {
        this.access = access;
        this.publisher = publisher;
        this.tariffs = tariffs;
        this.lots = lots;
        this.json = json;
        this.clock = clock;
    }

    record PublishRequest(
            @NotBlank @Size(max = 32) String lotId, @Nullable JsonNode document, @Nullable Instant effectiveFrom) {}

    record Published(String lotId, int version, Instant effectiveFrom, Instant publishedAt) {}

    /**
     * Publishes a new rule-set version of a lot (role: ADMIN). The document is refused with 422
     * {@code invalid-rule-set} listing every problem; an effective-from in the past with 400
     * {@code effective-from-in-past}. Send an Idempotency-Key so that a retry does not publish twice.
     */
    @PostMapping("/v1/pricingRules/publish")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a lot's next rule-set version, effective now or at effectiveFrom (role: ADMIN)")
    ResponseEntity<Published> publish(@Valid @RequestBody PublishRequest request) {
        access.requireLot(request.lotId());
        Tariff.Published published = publisher.publish(
                request.lotId(),
                request.document(),
                request.effectiveFrom(),
                Actor.current().id());
        return ResponseEntity.created(URI.create("/v1/pricingRules/" + published.lotId() + "/" + published.version()))
                .body(new Published(
                        published.lotId(), published.version(), published.effectiveFrom(), published.publishedAt()));
    }

    record VersionSummary(int version, Status status, Instant effectiveFrom, Instant publishedAt, String publishedBy) {}

    record VersionList(
            String lotId, Lot.PricingBasis pricingBasis, int inEffectNow, Instant now, List<VersionSummary> versions) {}

    /** A lot's versions, newest first, and which one is in effect now (roles: ADMIN, OPERATOR, ANALYST; GATE for the edge controller's offline pricing snapshot). */
    @GetMapping("/v1/pricingRules")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.ANALYST, Roles.GATE})
    @Operation(summary = "A lot's rule-set versions, newest first, with the one in effect now (roles: ADMIN, OPERATOR)")
    VersionList versions(@RequestParam String lotId) {
        access.requireLot(lotId);
        Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        Instant now = clock.instant();
        int current = tariffs.inEffect(lotId, now).version();
        List<VersionSummary> versions = tariffs.versions(lotId).stream()
                .map(v -> new VersionSummary(
                        v.version(), status(v, current, now), v.effectiveFrom(), v.publishedAt(), v.publishedBy()))
                .toList();
        return new VersionList(lotId, lot.pricingBasis(), current, now, versions);
    }

    record VersionDetail(
            String lotId,
            int version,
            Status status,
            Instant effectiveFrom,
            Instant publishedAt,
            String publishedBy,
            String currency,
            JsonNode document) {}

    /** One version with its document, as stored (keys sorted) (roles: ADMIN, OPERATOR). */
    @GetMapping("/v1/pricingRules/{lotId}/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.ANALYST, Roles.GATE})
    @Operation(summary = "One rule-set version with its document (roles: ADMIN, OPERATOR)")
    VersionDetail version(@PathVariable String lotId, @PathVariable int version) {
        access.requireLot(lotId);
        Tariff tariff = tariffs.version(lotId, version)
                .orElseThrow(() -> ApiProblem.notFound("rule-set version", lotId + "/" + version));
        Instant now = clock.instant();
        Tariff.Published v = tariff.published();
        return new VersionDetail(
                lotId,
                version,
                status(v, tariffs.inEffect(lotId, now).version(), now),
                v.effectiveFrom(),
                v.publishedAt(),
                v.publishedBy(),
                tariff.rules().currency().getCurrencyCode(),
                json.readTree(tariff.rules().canonicalJson()));
    }

    private static Status status(Tariff.Published version, int current, Instant now) {
        if (version.version() == current) return Status.IN_EFFECT;
        return version.effectiveFrom().isAfter(now) ? Status.SCHEDULED : Status.SUPERSEDED;
    }
}
