package org.parkline.server.tickets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.parkline.server.identity.Roles;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An attendant's corrections to a ticket (OPERATOR in their lots, ADMIN); every one audited with its reason. */
@RestController
@Tag(name = "Ticket administration", description = "Lost tickets, fee overrides, unpaid exits, void")
class TicketAdminController {

    private final TicketAdministration administration;
    private final TicketCloser closer;

    TicketAdminController(TicketAdministration administration, TicketCloser closer) {
        this.administration = administration;
        this.closer = closer;
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/v1/tickets/{ticketId}/lost")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Report a ticket lost: quotes, payments and the exit then include the lost-ticket fee")
    ExitQuote lost(@PathVariable String ticketId, @Valid @RequestBody Reason request) {
        MDC.put("ticketId", ticketId);
        return administration.markLost(ticketId, request.reason());
    }

    record FeeOverride(@NotNull BigDecimal amount, @NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/v1/tickets/{ticketId}/override")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Set the price of the stay by hand; what was paid counts against it, the exit honours it")
    ExitQuote override(@PathVariable String ticketId, @Valid @RequestBody FeeOverride request) {
        MDC.put("ticketId", ticketId);
        return administration.overrideFee(ticketId, request.amount(), request.reason());
    }

    record ExitOverride(@NotBlank @Size(max = 32) String gateId, @NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/v1/tickets/{ticketId}/exit-override")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Let a vehicle out without payment: the ticket closes, the amount owed is recorded as waived")
    TicketCloser.ExitResult exitOverride(@PathVariable String ticketId, @Valid @RequestBody ExitOverride request) {
        MDC.put("ticketId", ticketId);
        MDC.put("gateId", request.gateId());
        String reason = TicketAdministration.reason(request.reason());
        return closer.exit(new TicketCloser.Exit(ticketId, request.gateId(), null, null, new ExitPolicy.Waive(reason)));
    }

    @PostMapping("/v1/tickets/{ticketId}/void")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Void a ticket issued in error: its place is freed; refused while payments cover it")
    TicketView voidTicket(@PathVariable String ticketId, @Valid @RequestBody Reason request) {
        MDC.put("ticketId", ticketId);
        return administration.voidTicket(ticketId, request.reason());
    }
}
