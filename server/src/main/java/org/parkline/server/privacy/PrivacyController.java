package org.parkline.server.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.parkline.server.identity.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Privacy", description = "Plate export for a data subject, retention purge, plate key rotation (ADMIN)")
class PrivacyController {

    private final PlateExports exports;
    private final PlatePurge purge;
    private final PlateKeyRotation rotation;

    PrivacyController(PlateExports exports, PlatePurge purge, PlateKeyRotation rotation) {
        this.exports = exports;
        this.purge = purge;
        this.rotation = rotation;
    }

    record ExportRequest(@NotBlank @Size(max = 20) String plate) {}

    @PostMapping("/v1/privacy/exports")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything Parkline holds about one plate (data-subject access); audited without the plate")
    PlateExports.PlateExport export(@Valid @RequestBody ExportRequest request) {
        return exports.export(request.plate());
    }

    @PostMapping("/v1/privacy/purge")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the retention purge now (it also runs on its own, parkline.privacy.purge-interval)")
    Map<String, Integer> purge() {
        return purge.purge();
    }

    @GetMapping("/v1/privacy/plate-keys")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "How many stored plates each encryption key protects, per data class")
    Map<String, Map<String, Long>> plateKeys() {
        return rotation.keys();
    }

    @PostMapping("/v1/privacy/plate-keys/reencrypt")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move plates stored under retired encryption keys to the current key now")
    PlateKeyRotation.Rotation reencrypt() {
        return rotation.reencrypt();
    }
}
