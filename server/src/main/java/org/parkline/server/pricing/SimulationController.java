package org.parkline.server.pricing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.pricing.Quote;
import org.parkline.pricing.VehicleClass;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Pricing", description = "Publish, list and simulate a lot's rule-set versions")
class SimulationController {

    private final LotAccess access;

    private final PricingSimulator simulator;

    SimulationController(PricingSimulator simulator, LotAccess access) {
        this.access = access;
        this.simulator = simulator;
    }

    record CompareWith(@Nullable @Positive Integer version, @Nullable JsonNode draft) {}

    record SimulationRequest(
            @NotBlank @Size(max = 32) String lotId,
            @NotNull Instant entryAt,
            @NotNull Instant exitAt,
            @Nullable VehicleClass vehicleType,
            boolean evCharging,
            boolean lostTicket,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 64) String> promotionCodes,
            @Nullable @Positive Integer version,
            @Nullable JsonNode draft,
            @Nullable @Valid CompareWith compareWith) {}

    record Line(String rule, Instant from, Instant to, BigDecimal amount) {}

    record QuoteView(
            String ruleSetVersion, BigDecimal total, BigDecimal amountDue, String currency, List<Line> breakdown) {
        static QuoteView of(Quote quote) {
            return new QuoteView(
                    quote.ruleSetVersion(),
                    quote.total(),
                    quote.amountDue(),
                    quote.currency().getCurrencyCode(),
                    quote.breakdown().stream()
                            .map(l -> new Line(l.rule(), l.from(), l.to(), l.amount()))
                            .toList());
        }
    }

    /** {@code quote} minus {@code compareWith}: positive when the simulated tariff charges more. */
    record Difference(BigDecimal total, BigDecimal amountDue) {}

    record Simulation(
            String lotId,
            String timezone,
            Instant entryAt,
            Instant exitAt,
            QuoteView quote,
            @Nullable QuoteView compareWith,
            @Nullable Difference difference) {}

    /**
     * Prices a hypothetical stay under a published {@code version}, a {@code draft} document, or (neither) the
     * version the lot's pricing basis picks; with {@code compareWith}, also under a second tariff, and the
     * difference. Changes nothing (roles: ADMIN, OPERATOR).
     */
    @PostMapping("/v1/pricing/simulate")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.ANALYST})
    @Operation(
            summary =
                    "Price a hypothetical stay under a version or a draft, optionally compared (roles: ADMIN, OPERATOR)")
    Simulation simulate(@Valid @RequestBody SimulationRequest request) {
        access.requireLot(request.lotId());
        PricingSimulator.Result result = simulator.simulate(
                new PricingSimulator.Hypothetical(
                        request.lotId(),
                        request.entryAt(),
                        request.exitAt(),
                        request.vehicleType() == null ? VehicleClass.CAR : request.vehicleType(),
                        request.evCharging(),
                        request.lostTicket(),
                        request.promotionCodes() == null ? List.of() : request.promotionCodes()),
                new PricingSimulator.Choice(request.version(), request.draft()),
                request.compareWith() == null
                        ? null
                        : new PricingSimulator.Choice(
                                request.compareWith().version(),
                                request.compareWith().draft()));
        var comparison = result.comparison();
        return new Simulation(
                result.lot().id(),
                result.lot().timezone().getId(),
                request.entryAt(),
                request.exitAt(),
                QuoteView.of(result.quote()),
                comparison == null ? null : QuoteView.of(comparison.current()),
                comparison == null
                        ? null
                        : new Difference(comparison.totalDifference(), comparison.amountDueDifference()));
    }
}
