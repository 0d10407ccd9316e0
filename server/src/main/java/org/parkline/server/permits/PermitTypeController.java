package org.parkline.server.permits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
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
@Tag(name = "Permit types", description = "What a lot sells: where it is valid, price, term, vehicles, quota")
class PermitTypeController {

    private final PermitTypes types;
    private final PermitWaitlist waitlist;
    private final LotAccess access;

    PermitTypeController(PermitTypes types, PermitWaitlist waitlist, LotAccess access) {
        this.types = types;
        this.waitlist = waitlist;
        this.access = access;
    }

    record PermitTypeRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull PermitType.Category category,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 32) String> lotIds,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 16) String> zones,
            @NotNull BigDecimal price,
            @NotBlank @Size(max = 16) String validity,
            @Min(1) @Max(10) int maxVehicles,
            @Nullable @Min(0) Integer quota,
            PermitType.@Nullable RefundPolicy refundPolicy) {}

    record PermitTypeView(
            String typeId,
            String name,
            PermitType.Category category,
            String homeLotId,
            List<String> lotIds,
            List<String> zones,
            BigDecimal price,
            String currency,
            String validity,
            int maxVehicles,
            @Nullable Integer quota,
            PermitType.RefundPolicy refundPolicy) {
        static PermitTypeView of(PermitType t) {
            return new PermitTypeView(
                    t.id(),
                    t.name(),
                    t.category(),
                    t.homeLotId(),
                    t.lotIds(),
                    t.zones(),
                    t.price(),
                    t.currency().getCurrencyCode(),
                    t.validity().toString(),
                    t.maxVehicles(),
                    t.quota(),
                    t.refundPolicy());
        }
    }

    /** Defines a permit type. Roles: ADMIN, or an OPERATOR of every lot it covers. */
    @PostMapping("/v1/permit-types")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Define a permit type (price, term, lots and zones, vehicles, quota, refund policy)")
    ResponseEntity<PermitTypeView> create(@Valid @RequestBody PermitTypeRequest request) {
        PermitType type = types.create(new PermitTypes.Definition(
                request.name(),
                request.category(),
                request.lotIds(),
                request.zones() == null ? List.of() : request.zones(),
                request.price(),
                request.validity(),
                request.maxVehicles(),
                request.quota(),
                request.refundPolicy() == null ? PermitType.RefundPolicy.PRORATED : request.refundPolicy()));
        return ResponseEntity.created(URI.create("/v1/permit-types/" + type.id()))
                .body(PermitTypeView.of(type));
    }

    @GetMapping("/v1/permit-types")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.OFFICER, Roles.PARKER})
    @Operation(summary = "Permit types valid in a lot")
    List<PermitTypeView> forLot(@RequestParam String lotId) {
        return types.forLot(lotId).stream().map(PermitTypeView::of).toList();
    }

    @GetMapping("/v1/permit-types/{typeId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.OFFICER, Roles.PARKER})
    @Operation(summary = "A permit type")
    PermitTypeView type(@PathVariable String typeId) {
        return PermitTypeView.of(find(typeId));
    }

    record WaitlistRequest(@Nullable @Size(max = 100) String holder) {}

    record WaitlistView(String entryId, String typeId, String holder, String status, int position) {
        static WaitlistView of(PermitWaitlist.Entry e) {
            return new WaitlistView(e.id(), e.typeId(), e.holderRef(), e.status(), e.position());
        }
    }

    /** Joins a permit type's waitlist (a parker for themselves; staff name the holder). */
    @PostMapping("/v1/permit-types/{typeId}/waitlist")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARKER})
    @Operation(summary = "Join the waitlist of a (sold-out) permit type")
    ResponseEntity<WaitlistView> join(@PathVariable String typeId, @Valid @RequestBody WaitlistRequest request) {
        PermitType type = find(typeId);
        String holder = PermitAccess.holder(request.holder());
        return ResponseEntity.status(201).body(WaitlistView.of(waitlist.join(type, holder)));
    }

    @GetMapping("/v1/permit-types/{typeId}/waitlist")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Who waits for a permit type, in order (offered first)")
    List<WaitlistView> waitlist(@PathVariable String typeId) {
        PermitType type = find(typeId);
        access.requireLot(type.homeLotId());
        return waitlist.entries(type.id()).stream().map(WaitlistView::of).toList();
    }

    private PermitType find(String typeId) {
        return types.find(typeId).orElseThrow(() -> ApiProblem.notFound("permit type", typeId));
    }
}
