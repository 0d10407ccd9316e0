package org.parkline.server.enforcement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.QrCodes;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.lots.LotCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Citations", description = "Fine schedules, issuing citations, evidence, printed notices")
class CitationController {

    private final CitationIssuer issuer;
    private final Citations citations;
    private final CitationBook book;
    private final FineSchedule fines;
    private final LotCatalog lots;
    private final LotAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;

    CitationController(
            CitationIssuer issuer,
            Citations citations,
            CitationBook book,
            FineSchedule fines,
            LotCatalog lots,
            LotAccess access,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${parkline.public-url:http://localhost:8080}") String publicUrl) {
        this.issuer = issuer;
        this.citations = citations;
        this.book = book;
        this.fines = fines;
        this.lots = lots;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    record FineRequest(
            @NotBlank @Size(max = 200) String description,
            @NotNull BigDecimal amount,
            @Nullable BigDecimal lateFee,
            @Nullable Integer lateAfterDays,
            FineSchedule.@Nullable Kind kind) {}

    @PutMapping("/v1/lots/{lotId}/fines/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Set a violation code's fine, late fee and late date in a lot's fine schedule")
    FineSchedule.Fine putFine(
            @PathVariable String lotId, @PathVariable String code, @Valid @RequestBody FineRequest request) {
        var lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        access.requireLot(lot.id());
        return fines.put(
                lot,
                new FineSchedule.Fine(
                        lot.id(),
                        code,
                        request.description(),
                        request.amount(),
                        request.lateFee() == null ? BigDecimal.ZERO : request.lateFee(),
                        request.lateAfterDays() == null ? 14 : request.lateAfterDays(),
                        request.kind() == null ? FineSchedule.Kind.OTHER : request.kind()));
    }

    @GetMapping("/v1/lots/{lotId}/fines")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.OFFICER, Roles.ADJUDICATOR})
    @Operation(summary = "A lot's fine schedule")
    List<FineSchedule.Fine> fines(@PathVariable String lotId) {
        lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        access.requireLot(lotId);
        return fines.of(lotId);
    }

    record CitationRequest(
            @NotBlank @Size(max = 32) String lotId,
            @Nullable @Size(max = 16) String zone,
            @NotBlank @Size(max = 20) String plate,
            @Nullable @Size(max = 200) String vehicle,
            @NotBlank @Size(max = 16) String violationCode,
            @Nullable @Size(max = 300) String location,
            @Nullable @Size(max = 64) String patrolId) {}

    /**
     * Issues a citation. 201 with its number, what it owes, and its notice QR. 409 {@code parking-is-valid} when the
     * violation is NO_PAYMENT and the plate check says VALID now; 422 {@code unknown-violation}. Roles: OFFICER, ADMIN.
     */
    @PostMapping("/v1/citations")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Issue a citation (send an Idempotency-Key: a retried request issues one citation)")
    ResponseEntity<CitationView> issue(@Valid @RequestBody CitationRequest request) {
        Citation citation = issuer.issue(new CitationIssuer.Issue(
                request.lotId(),
                request.zone(),
                request.plate(),
                request.vehicle(),
                request.violationCode(),
                request.location(),
                request.patrolId()));
        return ResponseEntity.created(URI.create("/v1/citations/" + citation.id()))
                .body(CitationView.of(citation, citations, clock.instant(), publicUrl));
    }

    @GetMapping("/v1/citations/{citationId}")
    @RolesAllowed({Roles.OFFICER, Roles.ADJUDICATOR, Roles.ADMIN})
    @Operation(summary = "A citation, with what it owes now and its evidence")
    CitationView citation(@PathVariable String citationId) {
        return CitationView.of(find(citationId), citations, clock.instant(), publicUrl);
    }

    @GetMapping(value = "/v1/citations/{citationId}/notice-qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The QR code for the printed notice (carries the parker's link, not the plate)")
    byte[] noticeQr(@PathVariable String citationId) {
        return QrCodes.png(CitationView.parkerLink(publicUrl, find(citationId)), 240);
    }

    record VoidRequest(@NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/v1/citations/{citationId}/void")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Void a citation written in error (unpaid and not appealed)")
    CitationView voidCitation(@PathVariable String citationId, @Valid @RequestBody VoidRequest request) {
        return CitationView.of(
                issuer.voidIt(citationId, request.reason(), citations), citations, clock.instant(), publicUrl);
    }

    /**
     * Adds an evidence file (multipart part {@code file}: JPEG, PNG or PDF, at most 5 MiB; stored with its SHA-256).
     * 413 {@code evidence-too-large}, 415 {@code evidence-type}. Roles: OFFICER, ADMIN.
     */
    @PostMapping("/v1/citations/{citationId}/evidence")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Upload a photo or PDF as evidence of a citation (multipart/form-data, part 'file')")
    ResponseEntity<Citations.EvidenceInfo> evidence(
            @PathVariable String citationId,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
        Citation c = find(citationId);
        EvidenceFiles.EvidenceFile accepted = EvidenceFiles.accept(file);
        if (c.status() == CitationStatus.VOID) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "citation-void", "Citation void", "Citation " + c.number() + " is void");
        }
        CitationBook.Evidence evidence = new CitationBook.Evidence(
                Ids.next("EV", clock),
                c.id(),
                accepted.contentType(),
                accepted.content().length,
                accepted.sha256(),
                accepted.fileName(),
                Actor.current().id(),
                clock.instant());
        book.insertEvidence(evidence, accepted.content());
        events.publishEvent(new Audited(
                "citation.evidence_added",
                "citation",
                c.id(),
                c.lotId(),
                null,
                java.util.Map.of(
                        "evidenceId", evidence.id(),
                        "sha256", accepted.sha256Hex(),
                        "contentType", accepted.contentType(),
                        "sizeBytes", evidence.sizeBytes())));
        return ResponseEntity.created(URI.create("/v1/citations/" + c.id() + "/evidence/" + evidence.id()))
                .body(Citations.EvidenceInfo.of(evidence));
    }

    @GetMapping("/v1/citations/{citationId}/evidence/{evidenceId}")
    @RolesAllowed({Roles.OFFICER, Roles.ADJUDICATOR, Roles.ADMIN})
    @Operation(summary = "An evidence file's content")
    ResponseEntity<byte[]> evidenceContent(@PathVariable String citationId, @PathVariable String evidenceId) {
        Citation c = find(citationId);
        var info = citations.evidence(c.id()).stream()
                .filter(e -> e.evidenceId().equals(evidenceId))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("evidence", evidenceId));
        byte[] content = book.evidenceContent(c.id(), evidenceId).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .header("X-Content-SHA256", info.sha256())
                .body(content);
    }

    private Citation find(String citationId) {
        Citation c = citations.find(citationId).orElseThrow(() -> ApiProblem.notFound("citation", citationId));
        access.requireLot(c.lotId());
        return c;
    }
}
