package org.parkline.server.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The offline quota of an entry gate: what its edge controller may fill on its own (docs/edge.md). */
@RestController
@Tag(name = "Edge quota", description = "Places an edge controller may fill while central is unreachable")
class QuotaController {

    private static final int MAX_PER_TYPE = 500;
    private static final List<String> VEHICLE_TYPES = List.of("CAR", "MOTORBIKE", "TRUCK", "EV");

    private final EdgeQuotas quotas;
    private final LotCatalog lots;
    private final LotAccess access;

    QuotaController(EdgeQuotas quotas, LotCatalog lots, LotAccess access) {
        this.quotas = quotas;
        this.lots = lots;
        this.access = access;
    }

    record Quota(String gateId, String lotId, List<EdgeQuotas.QuotaPlace> places) {}

    record QuotaTarget(@NotNull Map<String, Integer> places) {}

    record QuotaReturn(@Nullable List<String> placeIds) {}

    @GetMapping("/v1/gates/{gateId}/quota")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The places this entry gate holds for offline entries")
    Quota quota(@PathVariable String gateId) {
        Gate gate = entryGate(gateId);
        return new Quota(gate.id(), gate.lotId(), quotas.held(gate.id()));
    }

    @PutMapping("/v1/gates/{gateId}/quota")
    @RolesAllowed({Roles.GATE, Roles.ADMIN})
    @Operation(summary = "Hold (or return) places so the gate holds the target number per vehicle type")
    Quota adjust(@PathVariable String gateId, @Valid @RequestBody QuotaTarget target) {
        target.places().forEach((type, count) -> {
            if (!VEHICLE_TYPES.contains(type)) {
                throw ApiProblem.invalid("places: unknown vehicle type " + type + "; use one of " + VEHICLE_TYPES);
            }
            if (count == null || count < 0 || count > MAX_PER_TYPE) {
                throw ApiProblem.invalid("places." + type + ": between 0 and " + MAX_PER_TYPE);
            }
        });
        Gate gate = entryGate(gateId);
        return new Quota(gate.id(), gate.lotId(), quotas.adjust(lot(gate), gate, target.places()));
    }

    @PostMapping("/v1/gates/{gateId}/quota/return")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Give unused places back (all of them when no ids are listed)")
    Quota giveBack(@PathVariable String gateId, @RequestBody QuotaReturn request) {
        Gate gate = entryGate(gateId);
        return new Quota(gate.id(), gate.lotId(), quotas.giveBack(lot(gate), gate, request.placeIds()));
    }

    private Gate entryGate(String gateId) {
        Gate gate = lots.gate(gateId).orElseThrow(() -> ApiProblem.notFound("gate", gateId));
        access.requireGate(gate.lotId(), gate.id());
        if (gate.direction() != Gate.Direction.ENTRY) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "wrong-gate-direction",
                    "Wrong gate",
                    "Gate " + gateId + " is an exit gate; offline quota belongs to entry gates");
        }
        return gate;
    }

    private Lot lot(Gate gate) {
        return lots.lot(gate.lotId()).orElseThrow();
    }
}
