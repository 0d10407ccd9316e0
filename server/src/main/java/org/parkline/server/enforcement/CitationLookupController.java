package org.parkline.server.enforcement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Citations", description = "Fine schedules, issuing citations, evidence, printed notices")
class CitationLookupController {

    private final Citations citations;
    private final RateLimits limits;
    private final Clock clock;
    private final int perMinute;

    CitationLookupController(
            Citations citations,
            RateLimits limits,
            Clock clock,
            @Value("${parkline.enforcement.lookups-per-minute:20}") int perMinute) {
        this.citations = citations;
        this.limits = limits;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /**
     * A citation as its parker sees it: no plate (they know it), no officer. {@code citationId} is what to pay
     * (POST /v1/payments with {@code citationId}), {@code appealableUntil} the last day to appeal.
     */
    record PublicCitation(
            String citationId,
            String number,
            String lotId,
            @Nullable String location,
            String violation,
            CitationStatus status,
            Instant issuedAt,
            BigDecimal amountDue,
            BigDecimal paid,
            String currency,
            boolean lateFeeApplied,
            Instant lateFrom) {}

    /**
     * Finds a citation by its number and plate, the moment it is issued. Anyone may ask (the printed notice's QR
     * leads here), a limited number of times a minute per address; a wrong number or plate is the same 404.
     */
    @GetMapping("/v1/citations/lookup")
    @PermitAll
    @Operation(summary = "Look up a citation by number and plate (public, rate-limited)")
    PublicCitation lookup(@RequestParam String number, @RequestParam String plate, HttpServletRequest request) {
        limits.take("citation look-up", request.getRemoteAddr(), perMinute);
        Citation c = citations
                .byNumberAndPlate(number, plate)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "citation-not-found",
                        "No such citation",
                        "No citation with this number and plate; check both against the notice"));
        Citations.Owed owed = citations.owed(c, clock.instant());
        return new PublicCitation(
                c.id(),
                c.number(),
                c.lotId(),
                c.location(),
                c.violation(),
                c.status(),
                c.issuedAt(),
                owed.due(),
                owed.paid(),
                c.currency().getCurrencyCode(),
                owed.lateFeeApplied(),
                c.lateFrom());
    }
}
