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
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Plate reads and patrols", description = "LPR reads, digital chalking, hotlist hits, patrol coverage")
class PlateReadController {

    private final PlateReads reads;
    private final Patrols patrols;
    private final LotAccess access;
    private final Clock clock;

    PlateReadController(PlateReads reads, Patrols patrols, LotAccess access, Clock clock) {
        this.reads = reads;
        this.patrols = patrols;
        this.access = access;
        this.clock = clock;
    }

    /** @param deviceId the camera or handheld; a device key's own id when left out */
    record ReadRequest(
            @NotBlank @Size(max = 20) String plate,
            @NotNull BigDecimal confidence,
            @Nullable @Size(max = 64) String deviceId,
            @NotNull PlateReads.Source source,
            @NotBlank @Size(max = 32) String lotId,
            @Nullable @Size(max = 16) String zone,
            @Nullable Instant readAt,
            @Nullable @Size(max = 500) String imageRef,
            @Nullable @Size(max = 64) String patrolId) {}

    /**
     * Records a plate read and answers at once with the plate check, the chalking (overstay when past the zone's
     * time limit) and any hotlist hits. Roles: OFFICER (patrol cars, handhelds), GATE (fixed cameras), ADMIN.
     */
    @PostMapping("/v1/lpr/reads")
    @RolesAllowed({Roles.OFFICER, Roles.GATE, Roles.ADMIN})
    @Operation(summary = "Record a plate-reader read: check, chalk, hotlists")
    ResponseEntity<PlateReads.Outcome> read(@Valid @RequestBody ReadRequest request) {
        String device = request.deviceId() != null
                ? request.deviceId()
                : Actor.current().id();
        PlateReads.Outcome outcome = reads.record(new PlateReads.Read(
                request.plate(),
                request.confidence(),
                device,
                request.source(),
                request.lotId(),
                request.zone(),
                request.readAt(),
                request.imageRef(),
                request.patrolId()));
        return ResponseEntity.created(URI.create("/v1/lpr/reads/" + outcome.readId()))
                .body(outcome);
    }

    record PatrolRequest(
            @NotBlank @Size(max = 32) String lotId,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 16) String> zones,
            @Nullable @Size(max = 200) String route) {}

    @PostMapping("/v1/patrols")
    @RolesAllowed({Roles.OFFICER})
    @Operation(summary = "Start a patrol (one open patrol per officer)")
    ResponseEntity<Patrols.Patrol> start(@Valid @RequestBody PatrolRequest request) {
        access.requireLot(request.lotId());
        Patrols.Patrol patrol =
                patrols.start(request.lotId(), request.zones() == null ? List.of() : request.zones(), request.route());
        return ResponseEntity.created(URI.create("/v1/patrols/" + patrol.id())).body(patrol);
    }

    @PostMapping("/v1/patrols/{patrolId}/end")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "End a patrol")
    Patrols.Patrol end(@PathVariable String patrolId) {
        return patrols.end(patrolId);
    }

    /** Per zone of a lot over a period: patrols, reads, citations, last read. Roles: OFFICER, ANALYST, ADMIN. */
    @GetMapping("/v1/patrols/coverage")
    @RolesAllowed({Roles.OFFICER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Patrol coverage of a lot's zones over a period (default: the last 24 hours)")
    List<Patrols.ZoneCoverage> coverage(
            @RequestParam String lotId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        access.requireLot(lotId);
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minusSeconds(86_400) : from;
        return patrols.coverage(lotId, start, end);
    }
}
