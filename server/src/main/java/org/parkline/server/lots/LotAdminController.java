package org.parkline.server.lots;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing a lot's layout and settings after creation (docs/admin.md). Structure (floors, zones, gates, the lot
 * itself) is ADMIN's; taking a floor, zone or gate out of service and back is also OPERATOR's, in their lots.
 */
@RestController
@Tag(name = "Lot administration", description = "Edit a lot, disable it; add, rename and disable floors, zones, gates")
class LotAdminController {

    private static final String ID = "[A-Za-z0-9_-]{1,32}";
    private static final String ZONE = "[A-Za-z0-9_-]{1,16}";

    private final LotCatalog catalog;
    private final LotEditing editing;
    private final GateAdministration gates;
    private final LotAccess access;

    LotAdminController(LotCatalog catalog, LotEditing editing, GateAdministration gates, LotAccess access) {
        this.catalog = catalog;
        this.editing = editing;
        this.gates = gates;
        this.access = access;
    }

    record LotPatch(
            @Nullable @Size(max = 200) String name,
            @Nullable @Size(max = 500) String address,
            @Nullable String timezone,
            @Nullable Boolean enabled) {}

    @PatchMapping("/v1/lots/{lotId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rename a lot, change its address, disable it (entries refused) or enable it (role: ADMIN)")
    LotController.LotDetail change(@PathVariable String lotId, @Valid @RequestBody LotPatch patch) {
        Lot lot = lot(lotId);
        editing.change(lot, new LotEditing.LotChange(patch.name(), patch.address(), patch.timezone(), patch.enabled()));
        return detail(lotId);
    }

    record FloorRequest(
            @NotBlank @Pattern(regexp = ID, message = "must be 1 to 32 letters, digits, _ or -") String floorId,
            @Nullable @Size(max = 200) String name,
            @NotNull Integer level) {}

    @PostMapping("/v1/lots/{lotId}/floors")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a floor (no zones yet) (role: ADMIN)")
    ResponseEntity<LotController.LotDetail> addFloor(
            @PathVariable String lotId, @Valid @RequestBody FloorRequest request) {
        Lot lot = lot(lotId);
        editing.addFloor(lot, request.floorId(), request.name(), request.level());
        return ResponseEntity.created(URI.create("/v1/lots/" + lotId)).body(detail(lotId));
    }

    record PartPatch(@Nullable @Size(max = 200) String name, @Nullable Boolean enabled) {}

    @PatchMapping("/v1/lots/{lotId}/floors/{floorId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Rename a floor, or take it out of service (no new vehicles placed there) and back")
    LotController.LotDetail changeFloor(
            @PathVariable String lotId, @PathVariable String floorId, @Valid @RequestBody PartPatch patch) {
        Lot lot = lot(lotId);
        editing.changeFloor(lot, floorId, patch.name(), patch.enabled());
        return detail(lotId);
    }

    record ZoneRequest(
            @NotBlank @Pattern(regexp = ZONE, message = "must be 1 to 16 letters, digits, _ or -") String zone,
            @Nullable @Size(max = 200) String name) {}

    @PostMapping("/v1/lots/{lotId}/floors/{floorId}/zones")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a zone to a floor (then add spots to it) (role: ADMIN)")
    ResponseEntity<LotController.LotDetail> addZone(
            @PathVariable String lotId, @PathVariable String floorId, @Valid @RequestBody ZoneRequest request) {
        Lot lot = lot(lotId);
        editing.addZone(lot, floorId, request.zone(), request.name());
        return ResponseEntity.created(URI.create("/v1/lots/" + lotId)).body(detail(lotId));
    }

    @PatchMapping("/v1/lots/{lotId}/floors/{floorId}/zones/{zone}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Rename a zone, or take it out of service (no new vehicles placed there) and back")
    LotController.LotDetail changeZone(
            @PathVariable String lotId,
            @PathVariable String floorId,
            @PathVariable String zone,
            @Valid @RequestBody PartPatch patch) {
        Lot lot = lot(lotId);
        editing.changeZone(lot, floorId, zone, patch.name(), patch.enabled());
        return detail(lotId);
    }

    record GateRequest(
            @NotBlank @Pattern(regexp = ID, message = "must be 1 to 32 letters, digits, _ or -") String gateId,
            @NotNull Gate.Direction direction,
            @NotBlank String floorId,
            @Nullable String zone) {}

    @PostMapping("/v1/lots/{lotId}/gates")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a gate (role: ADMIN); give it a device key with POST /v1/lots/{lotId}/device-keys")
    ResponseEntity<LotController.GateView> addGate(
            @PathVariable String lotId, @Valid @RequestBody GateRequest request) {
        Lot lot = lot(lotId);
        Gate gate = gates.add(lot, request.gateId(), request.direction(), request.floorId(), request.zone());
        return ResponseEntity.created(URI.create("/v1/lots/" + lotId)).body(LotController.GateView.of(gate));
    }

    record GatePatch(@Nullable String floorId, @Nullable String zone, @Nullable Boolean enabled) {}

    @PatchMapping("/v1/lots/{lotId}/gates/{gateId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Move a gate (floor, zone), disable it (traffic refused) or enable it")
    LotController.GateView changeGate(
            @PathVariable String lotId, @PathVariable String gateId, @RequestBody GatePatch patch) {
        Lot lot = lot(lotId);
        Gate gate = catalog.gate(gateId)
                .filter(g -> g.lotId().equals(lot.id()))
                .orElseThrow(() -> ApiProblem.notFound("gate", lotId + "/" + gateId));
        return LotController.GateView.of(gates.change(gate, patch.floorId(), patch.zone(), patch.enabled()));
    }

    /** Found first (404), then the caller's lot scope (403): an id that does not exist is not a lot to hide. */
    private Lot lot(String lotId) {
        Lot lot = catalog.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        access.requireLot(lot.id());
        return lot;
    }

    private LotController.LotDetail detail(String lotId) {
        Lot lot = catalog.lot(lotId).orElseThrow();
        return LotController.LotDetail.of(lot, catalog.floors(lotId), catalog.gates(lotId));
    }
}
