package org.parkline.server.appeals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.RateLimits;
import org.parkline.server.enforcement.Citations;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Appeals", description = "Appeal a citation; adjudicators decide with the whole case in one view")
class AppealController {

    private final AppealDesk desk;
    private final AppealBook appeals;
    private final AppealCase.Builder cases;
    private final Citations citations;
    private final RateLimits limits;
    private final LotAccess access;
    private final int perMinute;

    AppealController(
            AppealDesk desk,
            AppealBook appeals,
            AppealCase.Builder cases,
            Citations citations,
            RateLimits limits,
            LotAccess access,
            @Value("${parkline.enforcement.lookups-per-minute:20}") int perMinute) {
        this.desk = desk;
        this.appeals = appeals;
        this.cases = cases;
        this.citations = citations;
        this.limits = limits;
        this.access = access;
        this.perMinute = perMinute;
    }

    record AppealRequest(
            @NotBlank @Size(max = 20) String citationNumber,
            @NotBlank @Size(max = 20) String plate,
            @NotBlank @Size(max = 4000) String statement) {}

    record DecisionRequest(
            @NotNull Appeal.Decision decision,
            @NotBlank @Size(max = 2000) String reason,
            @Nullable BigDecimal newAmount) {}

    /**
     * Appeals a citation, with its number and plate (anyone with the notice; rate-limited). 201 with the appeal;
     * 422 {@code appeal-window-closed}; 409 {@code appeal-open} or {@code citation-not-appealable}.
     */
    @PostMapping("/v1/appeals")
    @PermitAll
    @Operation(summary = "Appeal a citation (number + plate + statement); add files with /evidence")
    ResponseEntity<AppealCase.AppealView> submit(@Valid @RequestBody AppealRequest request, HttpServletRequest http) {
        limits.take("appeal", http.getRemoteAddr(), perMinute);
        Appeal appeal = desk.submit(request.citationNumber(), request.plate(), request.statement());
        return ResponseEntity.created(URI.create("/v1/appeals/" + appeal.id()))
                .body(AppealCase.AppealView.of(appeal, appeals));
    }

    /**
     * Adds an evidence file to an undecided appeal: multipart with {@code file} (JPEG, PNG or PDF, at most 5 MiB) and
     * {@code plate} (the citation's plate, proving the appeal is the caller's). 413 {@code evidence-too-large}, 415
     * {@code evidence-type}.
     */
    @PostMapping("/v1/appeals/{appealId}/evidence")
    @PermitAll
    @Operation(summary = "Upload a photo or PDF to an appeal (multipart: 'file' and 'plate')")
    ResponseEntity<AppealBook.Evidence> evidence(
            @PathVariable String appealId,
            @RequestParam(name = "plate", required = false) @Nullable String plate,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            HttpServletRequest http) {
        limits.take("appeal", http.getRemoteAddr(), perMinute);
        if (plate == null || plate.isBlank()) throw ApiProblem.invalid("plate: the citation's plate, as a form field");
        AppealBook.Evidence evidence = desk.addEvidence(appealId, plate, file);
        return ResponseEntity.created(URI.create("/v1/appeals/" + appealId + "/evidence/" + evidence.id()))
                .body(evidence);
    }

    /** The appeal as its parker sees it (number-and-plate holders): status, decision, what they were told. */
    @GetMapping("/v1/appeals/{appealId}/status")
    @PermitAll
    @Operation(summary = "An appeal's status and notifications, for its parker (plate required; rate-limited)")
    AppealCase.AppealView status(@PathVariable String appealId, @RequestParam String plate, HttpServletRequest http) {
        limits.take("appeal", http.getRemoteAddr(), perMinute);
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> ApiProblem.notFound("appeal", appealId));
        var citation = citations.find(appeal.citationId()).orElseThrow();
        if (citations.byNumberAndPlate(citation.number(), plate).isEmpty()) {
            throw ApiProblem.notFound("appeal", appealId);
        }
        return AppealCase.AppealView.of(appeal, appeals);
    }

    @GetMapping("/v1/appeals")
    @RolesAllowed({Roles.ADJUDICATOR, Roles.ADMIN})
    @Operation(summary = "Appeals of a lot waiting for a decision, oldest first")
    List<AppealCase.AppealView> open(@RequestParam String lotId) {
        return desk.open(lotId).stream()
                .map(a -> AppealCase.AppealView.of(a, appeals))
                .toList();
    }

    /** The whole case: appeal, citation, evidence, the plate's permits and tickets then, every payment. */
    @GetMapping("/v1/appeals/{appealId}")
    @RolesAllowed({Roles.ADJUDICATOR, Roles.ADMIN})
    @Operation(summary = "An appeal's case, in one view")
    AppealCase appealCase(@PathVariable String appealId) {
        return cases.of(find(appealId));
    }

    @GetMapping("/v1/appeals/{appealId}/evidence/{evidenceId}")
    @RolesAllowed({Roles.ADJUDICATOR, Roles.ADMIN})
    @Operation(summary = "An appeal evidence file's content")
    ResponseEntity<byte[]> evidenceContent(@PathVariable String appealId, @PathVariable String evidenceId) {
        Appeal appeal = find(appealId);
        var info = appeals.evidence(appeal.id()).stream()
                .filter(e -> e.id().equals(evidenceId))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("evidence", evidenceId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .header("X-Content-SHA256", info.sha256())
                .body(appeals.evidenceContent(appeal.id(), evidenceId).orElseThrow());
    }

    /**
     * Decides an appeal: UPHELD, REDUCED (with {@code newAmount}) or CANCELLED, with a reason the parker is told. A
     * paid citation that is cancelled is refunded in full, a reduced one down to the new amount. Role: ADJUDICATOR.
     */
    @PostMapping("/v1/appeals/{appealId}/decision")
    @RolesAllowed({Roles.ADJUDICATOR})
    @Operation(summary = "Decide an appeal (UPHELD, REDUCED, CANCELLED) with a reason")
    AppealCase decide(@PathVariable String appealId, @Valid @RequestBody DecisionRequest request) {
        Appeal decided =
                desk.decide(appealId, new AppealDesk.Decide(request.decision(), request.reason(), request.newAmount()));
        return cases.of(decided);
    }

    private Appeal find(String appealId) {
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> ApiProblem.notFound("appeal", appealId));
        access.requireLot(appeal.lotId());
        return appeal;
    }
}
