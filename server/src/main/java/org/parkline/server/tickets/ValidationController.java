package org.parkline.server.tickets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.parkline.server.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tickets", description = "Entry, quote and exit at the gates")
class ValidationController {

    private final TicketValidations validations;

    ValidationController(TicketValidations validations) {
        this.validations = validations;
    }

    record ValidationRequest(@NotBlank @Size(max = 64) String code) {}

    record ValidationView(String ticketId, String code, Instant validatedAt, List<String> validations) {}

    /**
     * Records a merchant validation code on an ACTIVE ticket: 201 when added, 200 when the ticket already carried
     * it. A code the ticket's tariff does not define is refused with 422 {@code unknown-validation-code}; a ticket
     * that has left with 409 {@code ticket-not-active} (roles: GATE for validation terminals, OPERATOR, ADMIN).
     */
    @PostMapping("/v1/tickets/{ticketId}/validations")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Validate a ticket with a merchant code (roles: GATE, OPERATOR, ADMIN)")
    ResponseEntity<ValidationView> validate(
            @PathVariable String ticketId, @Valid @RequestBody ValidationRequest request) {
        TicketValidations.Recorded recorded = validations.validate(ticketId, request.code());
        ValidationView view = new ValidationView(
                recorded.ticketId(),
                recorded.validation().code(),
                recorded.validation().validatedAt(),
                recorded.all().stream().map(TicketValidations.Validation::code).toList());
        return recorded.added()
                ? ResponseEntity.created(URI.create("/v1/tickets/" + ticketId + "/quote"))
                        .body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }
}
