package org.parkline.server.tickets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Edge journal", description = "Replay of what a lot's gates did offline, and its reconciliation")
class EdgeJournalController {

    private final EdgeJournalImport imports;
    private final EdgeEvents events;
    private final LotCatalog lots;
    private final LotAccess access;

    EdgeJournalController(EdgeJournalImport imports, EdgeEvents events, LotCatalog lots, LotAccess access) {
        this.imports = imports;
        this.events = events;
        this.lots = lots;
        this.access = access;
    }

    record JournalBatch(@NotNull @Size(min = 1, max = 200) List<EdgeJournalImport.JournalEvent> events) {}

    record ImportResult(String lotId, List<EdgeJournalImport.Imported> results) {}

    /**
     * Imports a lot's offline journal events, in journal order, each exactly once (de-duplicated by its event id: a
     * replayed event answers with its first outcome and {@code replay=true}). A gate's key may send its own gate's
     * events; the controller's lot-wide key (a GATE key bound to no gate) sends every gate's, so one request carries
     * the journal in its true order across gates.
     */
    @PostMapping("/v1/lots/{lotId}/edge/journal")
    @RolesAllowed({Roles.GATE})
    @Operation(summary = "Replay the lot's offline journal events in order; each takes effect once (by its event id)")
    ImportResult importJournal(@PathVariable String lotId, @Valid @RequestBody JournalBatch batch) {
        Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        access.requireLot(lotId);
        Map<String, Gate> gates = new HashMap<>();
        for (EdgeJournalImport.JournalEvent e : batch.events()) {
            check(e);
            Gate gate = gates.computeIfAbsent(e.gateId(), id -> lots.gate(id)
                    .filter(g -> g.lotId().equals(lotId))
                    .orElseThrow(() -> ApiProblem.invalid(
                            "events[" + e.eventId() + "].gateId: no gate " + id + " in lot " + lotId)));
            access.requireGate(lotId, gate.id());
            String expected = gate.direction() == Gate.Direction.ENTRY ? "ENTRY" : "EXIT";
            if (!expected.equals(e.kind())) {
                throw ApiProblem.invalid("events[" + e.eventId() + "].kind: gate " + gate.id() + " records " + expected
                        + " events, not " + e.kind());
            }
        }
        return new ImportResult(lotId, imports.importAll(lot, gates, batch.events()));
    }

    record Reconciliation(
            String lotId,
            long eventsImported,
            BigDecimal collectedOffline,
            BigDecimal uncollectedOffline,
            String currency,
            List<EdgeEvents.Conflict> conflicts,
            List<EdgeEvents.Uncollected> uncollected) {}

    @GetMapping("/v1/lots/{lotId}/edge/reconciliation")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST, Roles.AUDITOR})
    @Operation(summary = "What the lot's edge replayed: conflicts with their outcomes, fees not collected, totals")
    Reconciliation reconciliation(@PathVariable String lotId) {
        Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        access.requireLot(lotId);
        EdgeEvents.Totals totals = events.totals(lotId);
        return new Reconciliation(
                lotId,
                totals.events(),
                totals.collected(),
                totals.uncollected(),
                lot.currency().getCurrencyCode(),
                events.conflicts(lotId),
                events.uncollected(lotId));
    }

    private static void check(EdgeJournalImport.JournalEvent e) {
        if (e == null
                || e.eventId() == null
                || e.eventId().isBlank()
                || e.eventId().length() > 80) {
            throw ApiProblem.invalid("events[].eventId: 1 to 80 characters, the edge's own event id");
        }
        if (e.gateId() == null || e.gateId().isBlank()) {
            throw ApiProblem.invalid("events[" + e.eventId() + "].gateId is required");
        }
        if (!"ENTRY".equals(e.kind()) && !"EXIT".equals(e.kind())) {
            throw ApiProblem.invalid("events[" + e.eventId() + "].kind: ENTRY or EXIT");
        }
        if (e.occurredAt() == null) {
            throw ApiProblem.invalid("events[" + e.eventId() + "].occurredAt is required");
        }
        if (e.kind().equals("EXIT") && (e.ticketRef() == null || e.ticketRef().isBlank())) {
            throw ApiProblem.invalid("events[" + e.eventId() + "].ticketRef: the barcode the exit scanned");
        }
        if (negative(e.amountCollected()) || negative(e.amountUncollected())) {
            throw ApiProblem.invalid("events[" + e.eventId() + "]: amounts cannot be negative");
        }
        if (e.plate() != null && e.plate().length() > 20) {
            throw ApiProblem.invalid("events[" + e.eventId() + "].plate: at most 20 characters");
        }
    }

    private static boolean negative(BigDecimal amount) {
        return amount != null && amount.signum() < 0;
    }
}
