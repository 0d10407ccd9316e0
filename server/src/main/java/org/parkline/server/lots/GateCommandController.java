package org.parkline.server.lots;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.parkline.server.common.ApiProblem;
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
@Tag(name = "Gate commands", description = "Force a gate open or closed, or back to normal; the edge pulls them")
class GateCommandController {

    private final GateCommands commands;
    private final LotCatalog lots;
    private final LotAccess access;

    GateCommandController(GateCommands commands, LotCatalog lots, LotAccess access) {
        this.commands = commands;
        this.lots = lots;
        this.access = access;
    }

    record CommandRequest(@NotNull GateCommands.Command command, @NotBlank @Size(min = 3, max = 500) String reason) {}

    @PostMapping("/v1/gates/{gateId}/commands")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Command a gate (FORCE_OPEN, FORCE_CLOSE, NORMAL) with a reason; audited")
    ResponseEntity<GateCommands.GateCommand> issue(
            @PathVariable String gateId, @Valid @RequestBody CommandRequest request) {
        Gate gate = gate(gateId);
        Actor actor = Actor.current();
        GateCommands.GateCommand command =
                commands.issue(gate, request.command(), request.reason().strip(), actor.kind() + ":" + actor.id());
        return ResponseEntity.created(URI.create("/v1/gates/" + gateId + "/commands?after=" + (command.seq() - 1)))
                .body(command);
    }

    @GetMapping("/v1/gates/{gateId}/commands")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The gate's commands after a sequence number, oldest first (what the edge pulls)")
    List<GateCommands.GateCommand> after(@PathVariable String gateId, @RequestParam(defaultValue = "0") long after) {
        return commands.after(gate(gateId).id(), after);
    }

    @PostMapping("/v1/gates/{gateId}/commands/{seq}/ack")
    @RolesAllowed({Roles.GATE})
    @Operation(summary = "The edge controller applied the command")
    GateCommands.GateCommand acknowledge(@PathVariable String gateId, @PathVariable long seq) {
        return commands.acknowledge(gate(gateId), seq);
    }

    private Gate gate(String gateId) {
        Gate gate = lots.gate(gateId).orElseThrow(() -> ApiProblem.notFound("gate", gateId));
        access.requireGate(gate.lotId(), gate.id());
        return gate;
    }
}
