package org.parkline.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who changed what, when; and proof that nobody edited the record")
class AuditController {

    private final AuditLog log;
    private final AuditSeals seals;
    private final LotAccess access;

    AuditController(AuditLog log, AuditSeals seals, LotAccess access) {
        this.log = log;
        this.seals = seals;
        this.access = access;
    }

    @GetMapping("/v1/audit")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Audit entries, newest first, filtered")
    List<AuditEntry> entries(
            @RequestParam(required = false) @Nullable String lotId,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String actorId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) throw ApiProblem.invalid("limit: between 1 and 1000");
        if (lotId != null) access.requireLot(lotId);
        else if (!access.coversEveryLot()) {
            throw ApiProblem.invalid("lotId: your roles cover some lots only; name the lot to read its audit log");
        }
        return log.find(new AuditLog.Filter(lotId, subjectType, subjectId, action, actorId, from, to, limit));
    }

    @GetMapping("/v1/audit/verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Seal what is pending, then recompute the whole hash chain and report where it breaks")
    AuditSeals.Verification verify() {
        seals.sealPendingNow();
        return seals.verify();
    }

    @GetMapping("/v1/tickets/{ticketId}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The full story of one ticket: entry, payments, overrides, exit")
    List<AuditEntry> ticketHistory(@PathVariable String ticketId) {
        List<AuditEntry> history = log.ticketHistory(ticketId);
        if (history.isEmpty()) throw ApiProblem.notFound("ticket history", ticketId);
        if (history.getFirst().lotId() != null)
            access.requireLot(history.getFirst().lotId());
        return history;
    }
}
