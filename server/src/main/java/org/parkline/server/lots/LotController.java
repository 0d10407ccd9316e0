package org.parkline.server.lots;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lots", description = "Lots, their floors, zones and gates")
class LotController {

    private final LotAccess access;

    private final LotCatalog catalog;
    private final LotRegistry registry;
    private final LotSettings settings;

    LotController(LotCatalog catalog, LotRegistry registry, LotSettings settings, LotAccess access) {
        this.access = access;
        this.catalog = catalog;
        this.registry = registry;
        this.settings = settings;
    }

    @GetMapping("/v1/lots")
    @PermitAll
    @Operation(summary = "List lots")
    List<LotSummary> lots() {
        return catalog.lots().stream().map(LotSummary::of).toList();
    }

    @GetMapping("/v1/lots/{lotId}")
    @PermitAll
    @Operation(summary = "A lot with its floors, zones and gates")
    LotDetail lot(@PathVariable String lotId) {
        Lot lot = catalog.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        return LotDetail.of(lot, catalog.floors(lotId), catalog.gates(lotId));
    }

    @PostMapping("/v1/lots")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a lot from a layout (floors, zones with spot counts, gates, first tariff)")
    ResponseEntity<LotDetail> create(@Valid @RequestBody LotLayout layout) {
        Lot lot = registry.create(layout);
        return ResponseEntity.created(URI.create("/v1/lots/" + lot.id()))
                .body(LotDetail.of(lot, catalog.floors(lot.id()), catalog.gates(lot.id())));
    }

    record PricingBasisSetting(Lot.@NotNull PricingBasis basis) {}

    record PricingBasisView(String lotId, Lot.PricingBasis pricingBasis) {}

    /**
     * Sets which rule-set version prices a stay: the one in effect at entry (ENTRY) or at exit (EXIT). Applies to
     * every quote from then on, stays under way included; audited as {@code lot.updated} (role: ADMIN).
     */
    @PutMapping("/v1/lots/{lotId}/pricing-basis")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Price stays by the rule-set version in effect at ENTRY or at EXIT (role: ADMIN)")
    PricingBasisView pricingBasis(@PathVariable String lotId, @Valid @RequestBody PricingBasisSetting setting) {
        access.requireLot(lotId);
        return new PricingBasisView(lotId, settings.changePricingBasis(lotId, setting.basis()));
    }

    record LotSummary(String lotId, String name, String timezone, LotMode mode, String currency, boolean enabled) {
        static LotSummary of(Lot lot) {
            return new LotSummary(
                    lot.id(),
                    lot.name(),
                    lot.timezone().getId(),
                    lot.mode(),
                    lot.currency().getCurrencyCode(),
                    lot.enabled());
        }
    }

    record LotDetail(
            String lotId,
            String name,
            String address,
            String timezone,
            LotMode mode,
            String currency,
            Lot.PricingBasis pricingBasis,
            boolean enabled,
            AllocationPolicy allocationPolicy,
            List<FloorView> floors,
            List<GateView> gates) {

        static LotDetail of(Lot lot, List<FloorView> floors, List<Gate> gates) {
            return new LotDetail(
                    lot.id(),
                    lot.name(),
                    lot.address(),
                    lot.timezone().getId(),
                    lot.mode(),
                    lot.currency().getCurrencyCode(),
                    lot.pricingBasis(),
                    lot.enabled(),
                    lot.allocationPolicy(),
                    floors,
                    gates.stream().map(GateView::of).toList());
        }
    }

    record GateView(String gateId, Gate.Direction direction, String floorId, String zone, Gate.Status status) {
        static GateView of(Gate gate) {
            return new GateView(gate.id(), gate.direction(), gate.floorId(), gate.zone(), gate.status());
        }
    }
}
