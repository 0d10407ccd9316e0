package org.parkline.server.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reconciliation", description = "Parkline's captures against the PSP's")
class ReconciliationController {

    private final LotAccess access;

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations, LotAccess access) {
        this.access = access;
        this.reconciliations = reconciliations;
    }

    /**
     * A lot's captures of one local day against the PSP's records, with every mismatch, and the payments released
     * at exit while pending (still pending, or failed: uncollected). Roles: ADMIN, ANALYST.
     */
    @GetMapping("/v1/payments/reconciliation")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "A lot's day of captures, Parkline's against the PSP's")
    ReconciliationReport report(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String lotId) {
        access.requireLot(lotId);
        return reconciliations.report(lotId, date);
    }
}
