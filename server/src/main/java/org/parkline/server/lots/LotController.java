package org.parkline.server.lots;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lots", description = "Lots, their floors, zones and gates")
class LotController {

    private final LotCatalog catalog;
    private final LotRegistry registry;

    LotController(LotCatalog catalog, LotRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
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

    record LotSummary(String lotId, String name, String timezone, LotMode mode, String currency) {
        static LotSummary of(Lot lot) {
            return new LotSummary(
                    lot.id(),
                    lot.name(),
                    lot.timezone().getId(),
                    lot.mode(),
                    lot.currency().getCurrencyCode());
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
