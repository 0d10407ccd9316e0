package org.parkline.server.lots;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A whole lot described at once: settings, floors with zones and spot counts, gates, and a first tariff. */
public record LotLayout(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1 to 32 letters, digits, _ or -")
                String lotId,
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 500) String address,
        @NotBlank String timezone,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as SGD") String currency,
        @NotNull LotMode mode,
        @Nullable @Pattern(regexp = "[A-Za-z0-9_-]{1,16}", message = "must be 1 to 16 letters, digits, _ or -")
                String spotIdPrefix,
        @Nullable AllocationPolicy allocationPolicy,
        Lot.@Nullable PricingBasis pricingBasis,
        @NotEmpty @Size(max = 50) List<@Valid FloorLayout> floors,
        @NotEmpty @Size(max = 500) List<@Valid GateLayout> gates,
        @Nullable JsonNode pricing) {

    public record FloorLayout(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1 to 32 letters, digits, _ or -")
                    String floorId,
            @Nullable String name,
            int level,
            @NotEmpty @Size(max = 100) List<@Valid ZoneLayout> zones) {}

    /** {@code spots}: how many places of each type (spot rows in SPOT mode, counted places in CAPACITY mode). */
    public record ZoneLayout(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,16}", message = "must be 1 to 16 letters, digits, _ or -")
                    String zone,
            @Nullable String name,
            @NotEmpty Map<SpotType, @NotNull Integer> spots) {}

    public record GateLayout(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1 to 32 letters, digits, _ or -")
                    String gateId,
            @NotNull Gate.Direction direction,
            @NotBlank String floorId,
            @Nullable String zone) {}
}
