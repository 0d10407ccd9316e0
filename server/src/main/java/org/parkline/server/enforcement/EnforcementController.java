package org.parkline.server.enforcement;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.lots.LotCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Enforcement", description = "Plate checks, exemptions, time limits and hotlists")
class EnforcementController {

    private final PlateCheck check;
    private final Exemptions exemptions;
    private final TimeLimits limits;
    private final Hotlists hotlists;
    private final PlateProtector plates;
    private final LotCatalog lots;
    private final LotAccess access;
    private final Clock clock;
    private final Timer checks;

    EnforcementController(
            PlateCheck check,
            Exemptions exemptions,
            TimeLimits limits,
            Hotlists hotlists,
            PlateProtector plates,
            LotCatalog lots,
            LotAccess access,
            Clock clock,
            MeterRegistry meters) {
        this.check = check;
        this.exemptions = exemptions;
        this.limits = limits;
        this.hotlists = hotlists;
        this.plates = plates;
        this.lots = lots;
        this.access = access;
        this.clock = clock;
        this.checks = Timer.builder("parkline.enforcement.checks")
                .description("Plate checks answered")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /**
     * May this plate park here at this time? One answer from permits, gate tickets and exemptions (VALID with the
     * reasons, or NOT_VALID), with hotlist alerts. Roles: OFFICER, GATE (plate readers), OPERATOR, ADMIN.
     */
    @GetMapping("/v1/enforcement/check")
    @RolesAllowed({Roles.OFFICER, Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Check a plate: VALID (and why) or NOT_VALID, from the live data")
    PlateCheck.Result check(
            @RequestParam String plate,
            @RequestParam(required = false) @Nullable String lotId,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String zoneId,
            @RequestParam(required = false) @Nullable Instant at) {
        Zones.Place place = Zones.of(lotId, zone, zoneId);
        lots.lot(place.lotId()).orElseThrow(() -> ApiProblem.notFound("lot", place.lotId()));
        access.requireLot(place.lotId());
        byte[] hash = plates.lookupHash(plate);
        Instant when = at == null ? clock.instant() : at;
        return checks.record(() -> check.check(hash, place.lotId(), place.zone(), when));
    }

    record ExemptionRequest(
            @NotBlank @Size(max = 32) String lotId,
            @Nullable @Size(max = 16) String zone,
            @NotBlank @Size(max = 20) String plate,
            @NotBlank @Size(max = 200) String reason,
            @Nullable Instant validFrom,
            @NotNull Instant validUntil) {}

    @PostMapping("/v1/enforcement/exemptions")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Exempt a plate in a lot (or zone) for a time, with a reason")
    ResponseEntity<Exemptions.Exemption> exempt(@Valid @RequestBody ExemptionRequest request) {
        lots.lot(request.lotId()).orElseThrow(() -> ApiProblem.notFound("lot", request.lotId()));
        access.requireLot(request.lotId());
        Zones.require(lots, request.lotId(), request.zone());
        var plate = plates.protect(request.plate()).orElseThrow();
        Instant from = request.validFrom() == null ? clock.instant() : request.validFrom();
        var exemption =
                exemptions.grant(request.lotId(), request.zone(), plate, request.reason(), from, request.validUntil());
        return ResponseEntity.created(URI.create("/v1/enforcement/exemptions/" + exemption.id()))
                .body(exemption);
    }

    record TimeLimitRequest(
            @NotBlank @Size(max = 32) String lotId,
            @Nullable @Size(max = 16) String zone,
            @Min(1) @Max(1440) int maxMinutes) {}

    @PutMapping("/v1/enforcement/time-limits")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Set a zone's (or a whole lot's) time limit, for digital chalking")
    TimeLimitRequest timeLimit(@Valid @RequestBody TimeLimitRequest request) {
        lots.lot(request.lotId()).orElseThrow(() -> ApiProblem.notFound("lot", request.lotId()));
        access.requireLot(request.lotId());
        Zones.require(lots, request.lotId(), request.zone());
        limits.put(request.lotId(), request.zone(), request.maxMinutes());
        return request;
    }

    record HotlistRequest(
            @NotNull Hotlists.ListName list,
            @NotBlank @Size(max = 20) String plate,
            @NotBlank @Size(max = 200) String reason) {}

    @PostMapping("/v1/hotlist")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "List a plate (STOLEN or WATCH); scofflaws are found from unpaid citations")
    ResponseEntity<Hotlists.Entry> hotlist(@Valid @RequestBody HotlistRequest request) {
        var entry = hotlists.add(request.list(), plates.protect(request.plate()).orElseThrow(), request.reason());
        return ResponseEntity.created(URI.create("/v1/hotlist/" + entry.id())).body(entry);
    }

    @DeleteMapping("/v1/hotlist/{entryId}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "Take a plate off its hotlist")
    ResponseEntity<Void> unlist(@PathVariable String entryId) {
        if (!hotlists.remove(entryId)) throw ApiProblem.notFound("hotlist entry", entryId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/hotlist/hits")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Operation(summary = "Hotlist hits raised by plate reads in a lot, newest first")
    List<Hotlists.Hit> hits(@RequestParam String lotId, @RequestParam(required = false) @Nullable Instant since) {
        access.requireLot(lotId);
        return hotlists.hits(lotId, since == null ? clock.instant().minusSeconds(86_400) : since);
    }
}
