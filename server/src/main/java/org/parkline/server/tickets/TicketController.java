package org.parkline.server.tickets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tickets", description = "Entry, quote and exit at the gates")
class TicketController {

    private final TicketIssuer issuer;
    private final TicketCloser closer;
    private final TicketQuotes quotes;
    private final TicketBook tickets;
    private final LotCatalog lots;
    private final GateMetrics metrics;
    private final LotAccess access;
    private final Clock clock;
    private final PermitGate permitGate;

    TicketController(
            TicketIssuer issuer,
            TicketCloser closer,
            TicketQuotes quotes,
            TicketBook tickets,
            LotCatalog lots,
            GateMetrics metrics,
            Clock clock,
            LotAccess access,
            PermitGate permitGate) {
        this.permitGate = permitGate;
        this.issuer = issuer;
        this.closer = closer;
        this.quotes = quotes;
        this.tickets = tickets;
        this.lots = lots;
        this.metrics = metrics;
        this.clock = clock;
        this.access = access;
    }

    record Vehicle(@NotNull VehicleType type, @Nullable @Size(max = 20) String plate) {}

    record Preferences(boolean needEvCharging, boolean needDisabled) {}

    record EntryRequest(
            @NotBlank @Size(max = 32) String lotId,
            @NotBlank @Size(max = 32) String gateId,
            @NotNull @Valid Vehicle vehicle,
            @Nullable Preferences preferences,
            @Nullable @Size(max = 64) String holdId,
            @Nullable @Size(max = 80) String edgeRef) {}

    @PostMapping("/v1/tickets/entry")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A vehicle enters: place it and issue a ticket (send an Idempotency-Key)")
    ResponseEntity<TicketView> enter(@Valid @RequestBody EntryRequest request) {
        MDC.put("gateId", request.gateId());
        Preferences prefs = request.preferences() == null ? new Preferences(false, false) : request.preferences();
        TicketView ticket = metrics.time(
                "entry",
                () -> issuer.enter(new TicketIssuer.Entry(
                        request.lotId(),
                        request.gateId(),
                        request.vehicle().type(),
                        request.vehicle().plate(),
                        prefs.needEvCharging(),
                        prefs.needDisabled(),
                        request.holdId(),
                        request.edgeRef())));
        MDC.put("ticketId", ticket.ticketId());
        return ResponseEntity.created(URI.create("/v1/tickets/" + ticket.ticketId()))
                .body(ticket);
    }

    @GetMapping("/v1/tickets/{ticketId}")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "A ticket")
    TicketView ticket(@PathVariable String ticketId) {
        Ticket ticket = find(ticketId);
        return TicketView.of(ticket, lot(ticket));
    }

    @GetMapping("/v1/tickets/by-barcode/{barcode}")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The ticket with a printed barcode (what an exit scanner reads)")
    TicketView byBarcode(@PathVariable String barcode) {
        Ticket ticket =
                tickets.byBarcode(barcode).orElseThrow(() -> ApiProblem.notFound("ticket with barcode", barcode));
        access.requireLot(ticket.lotId());
        return TicketView.of(ticket, lot(ticket));
    }

    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @GetMapping(value = "/v1/tickets/{ticketId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The ticket's QR code (carries its barcode number)")
    byte[] qr(@PathVariable String ticketId) {
        return TicketCodes.qrPng(find(ticketId).barcode(), 240);
    }

    /**
     * What leaving now costs, the ticket's validations applied (roles: GATE, OPERATOR, ADMIN,
     * ANALYST; {@code lost=true} adds the tariff's lost-ticket fee).
     */
    @GetMapping("/v1/tickets/{ticketId}/quote")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "What leaving now (or at ?at=) costs, with the breakdown; ?lost=true prices a lost ticket")
    ExitQuote quote(
            @PathVariable String ticketId,
            @RequestParam(required = false) @Nullable Instant at,
            @RequestParam(defaultValue = "false") boolean lost) {
        Ticket ticket = find(ticketId);
        Instant when = at != null
                ? at
                : ticket.exitAt() != null ? ticket.exitAt() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return metrics.time("quote", () -> quotes.view(ticket, lot(ticket), when, lost));
    }

    record ExitRequest(
            @NotBlank @Size(max = 32) String gateId,
            @Nullable @Size(max = 64) String paidPaymentId,
            @Nullable @Size(max = 20) String vehiclePlate) {}

    @PostMapping("/v1/tickets/{ticketId}/exit")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A vehicle leaves: close the ticket and free its place when nothing is owed")
    TicketCloser.ExitResult exit(@PathVariable String ticketId, @Valid @RequestBody ExitRequest request) {
        MDC.put("gateId", request.gateId());
        MDC.put("ticketId", ticketId);
        return metrics.time(
                "exit",
                () -> closer.exit(new TicketCloser.Exit(
                        ticketId, request.gateId(), request.paidPaymentId(), request.vehiclePlate())));
    }

    record PermitEntryRequest(
            @NotBlank @Size(max = 32) String lotId,
            @NotBlank @Size(max = 32) String gateId,
            @NotNull VehicleType vehicleType,
            @NotBlank @Size(max = 20) String plate) {}

    record PermitExitRequest(
            @NotBlank @Size(max = 32) String lotId,
            @NotBlank @Size(max = 32) String gateId,
            @NotBlank @Size(max = 20) String plate) {}

    /**
     * Ticketless entry: the plate holds a permit valid in this lot now. 201 with the ticket (owing nothing) and the
     * permit; 422 {@code no-valid-permit} otherwise (issue a ticket with POST /v1/tickets/entry).
     */
    @PostMapping("/v1/tickets/permit-entry")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A permit holder enters by plate (no paper ticket)")
    ResponseEntity<PermitGate.PermitEntry> permitEntry(@Valid @RequestBody PermitEntryRequest request) {
        MDC.put("gateId", request.gateId());
        PermitGate.PermitEntry entry = metrics.time(
                "entry",
                () -> permitGate.enter(request.lotId(), request.gateId(), request.vehicleType(), request.plate()));
        return ResponseEntity.created(URI.create("/v1/tickets/" + entry.ticket().ticketId()))
                .body(entry);
    }

    /** Ticketless exit: the plate's permit entry closes, owing nothing. */
    @PostMapping("/v1/tickets/permit-exit")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A permit holder leaves by plate")
    TicketCloser.ExitResult permitExit(@Valid @RequestBody PermitExitRequest request) {
        MDC.put("gateId", request.gateId());
        return metrics.time("exit", () -> permitGate.exit(request.lotId(), request.gateId(), request.plate()));
    }

    private Ticket find(String ticketId) {
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", ticketId));
        access.requireLot(ticket.lotId());
        return ticket;
    }

    private Lot lot(Ticket ticket) {
        return lots.lot(ticket.lotId()).orElseThrow();
    }
}
