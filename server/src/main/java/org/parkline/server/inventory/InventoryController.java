package org.parkline.server.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.lots.SpotType;
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
@Tag(name = "Inventory", description = "Availability, spot status and soft holds")
class InventoryController {

    private final Availability availability;
    private final SpotAdministration spots;
    private final SpotHolds holds;
    private final SpotAdditions additions;
    private final LotCatalog lots;
    private final LotAccess access;

    InventoryController(
            Availability availability,
            SpotAdministration spots,
            SpotHolds holds,
            SpotAdditions additions,
            LotCatalog lots,
            LotAccess access) {
        this.availability = availability;
        this.spots = spots;
        this.additions = additions;
        this.holds = holds;
        this.lots = lots;
        this.access = access;
    }

    @GetMapping("/v1/lots/{lotId}/availability")
    @PermitAll
    @Operation(summary = "Available places by spot type, per floor and zone")
    Availability.LotAvailability availability(
            @PathVariable String lotId,
            @RequestParam(required = false) @Nullable SpotType spotType,
            @RequestParam(required = false) @Nullable String floorId,
            @RequestParam(required = false) @Nullable String zone) {
        lot(lotId);
        return availability.of(lotId, spotType, floorId, zone);
    }

    record SpotUpdate(
            @Nullable SpotStatus status,
            @Nullable SpotType type,
            boolean force,
            @Nullable @Size(max = 500) String reason) {}

    /** {@code force} with a {@code reason} takes an OCCUPIED spot out of service (see SpotAdministration). */
    @PutMapping("/v1/spots/{spotId}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(
            summary = "Take a spot out of service (force=true with a reason if occupied), return it, retire it, "
                    + "or change its type")
    SpotAdministration.SpotView update(@PathVariable String spotId, @Valid @RequestBody SpotUpdate update) {
        if (update.status() == null && update.type() == null) {
            throw ApiProblem.invalid("Give a status (AVAILABLE, OUT_OF_SERVICE or RETIRED), a type, or both");
        }
        return spots.update(
                spotId,
                new SpotAdministration.SpotChange(update.status(), update.type(), update.force(), update.reason()));
    }

    record NewSpots(@NotNull Map<SpotType, Integer> spots) {}

    @PostMapping("/v1/lots/{lotId}/floors/{floorId}/zones/{zone}/spots")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add places to a zone, by spot type; ids continue the lot's numbering (role: ADMIN)")
    ResponseEntity<SpotAdditions.Added> addSpots(
            @PathVariable String lotId,
            @PathVariable String floorId,
            @PathVariable String zone,
            @Valid @RequestBody NewSpots request) {
        Lot lot = lot(lotId);
        access.requireLot(lotId);
        return ResponseEntity.status(201).body(additions.add(lot, floorId, zone, request.spots()));
    }

    record HoldRequest(@NotNull SpotType spotType, @Nullable String floorId, @Min(1) @Max(1440) int minutes) {}

    @PostMapping("/v1/lots/{lotId}/holds")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Hold a spot for an arriving vehicle; enter with the hold id to take it")
    ResponseEntity<SpotHolds.Hold> hold(@PathVariable String lotId, @Valid @RequestBody HoldRequest request) {
        access.requireLot(lotId);
        Lot lot = lot(lotId);
        lot.requireAdmitting();
        SpotHolds.Hold hold =
                holds.hold(lot, request.spotType(), request.floorId(), Duration.ofMinutes(request.minutes()));
        return ResponseEntity.created(URI.create("/v1/holds/" + hold.holdId())).body(hold);
    }

    @GetMapping("/v1/holds/{holdId}")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A live hold")
    SpotHolds.Hold holdOf(@PathVariable String holdId) {
        access.requireLot(holds.lotOf(holdId).orElseThrow(() -> ApiProblem.notFound("hold", holdId)));
        return holds.find(holdId).orElseThrow(() -> ApiProblem.notFound("hold", holdId));
    }

    @DeleteMapping("/v1/holds/{holdId}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Cancel a hold; the spot becomes available again")
    ResponseEntity<Void> cancel(@PathVariable String holdId) {
        access.requireLot(holds.lotOf(holdId).orElseThrow(() -> ApiProblem.notFound("hold", holdId)));
        if (!holds.cancel(holdId)) throw ApiProblem.notFound("hold", holdId);
        return ResponseEntity.noContent().build();
    }

    private Lot lot(String lotId) {
        return lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
    }
}
