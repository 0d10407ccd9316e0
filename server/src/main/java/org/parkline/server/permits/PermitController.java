package org.parkline.server.permits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Roles;
import org.parkline.server.payments.PayableRefunds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Permits", description = "Plate-linked virtual permits: buy, pay, renew, suspend, revoke, transfer, refund")
class PermitController {

    private final PermitSales sales;
    private final PermitRefunds refunds;
    private final PermitBook permits;
    private final PermitPayables payables;
    private final LotAccess access;
    private final Clock clock;

    PermitController(
            PermitSales sales,
            PermitRefunds refunds,
            PermitBook permits,
            PermitPayables payables,
            LotAccess access,
            Clock clock) {
        this.access = access;
        this.sales = sales;
        this.refunds = refunds;
        this.permits = permits;
        this.payables = payables;
        this.clock = clock;
    }

    record PurchaseRequest(
            @NotBlank @Size(max = 64) String typeId,
            @Nullable @Size(max = 100) String holder,
            @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 20) String> plates,
            @Nullable Instant validFrom) {}

    record PlatesRequest(@NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 20) String> plates) {}

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

    /**
     * A permit as the API shows it (never its plates).
     *
     * @param amountDue what to pay now (POST /v1/payments with permitId): the purchase, or a renewal
     * @param validNow whether it makes parking valid right now (somewhere among its lots)
     */
    record PermitView(
            String permitId,
            String typeId,
            String lotId,
            String holder,
            PermitStatus status,
            Instant validFrom,
            Instant validUntil,
            int vehicles,
            BigDecimal amountDue,
            String currency,
            boolean validNow) {}

    record RefundView(PermitView permit, BigDecimal refunded, List<PayableRefunds.RefundMade> refunds) {}

    /**
     * Buys a permit: 201 with status PENDING_PAYMENT and its amountDue (pay with POST /v1/payments and
     * {@code permitId}; the permit is valid the moment the payment is captured), or ACTIVE when the type is free.
     * 409 {@code permit-sold-out} when the quota is used up (the answer names the waitlist).
     */
    @PostMapping("/v1/permits")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARKER})
    @Operation(summary = "Buy a permit for one or more plates (send an Idempotency-Key)")
    ResponseEntity<PermitView> buy(@Valid @RequestBody PurchaseRequest request) {
        Permit permit = sales.buy(new PermitSales.Purchase(
                request.typeId(), PermitAccess.holder(request.holder()), request.plates(), request.validFrom()));
        return ResponseEntity.created(URI.create("/v1/permits/" + permit.id())).body(view(permit));
    }

    @GetMapping("/v1/permits/{permitId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.OFFICER, Roles.PARKER})
    @Operation(summary = "A permit, with what it owes")
    PermitView permit(@PathVariable String permitId) {
        Permit permit = permits.find(permitId).orElseThrow(() -> ApiProblem.notFound("permit", permitId));
        return view(permit);
    }

    @PostMapping("/v1/permits/{permitId}/renewal")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARKER})
    @Operation(summary = "Renew for another term: adds a charge; paying it extends the permit")
    PermitView renew(@PathVariable String permitId) {
        return view(sales.renew(permitId));
    }

    @PostMapping("/v1/permits/{permitId}/suspension")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Suspend a permit (it stops being valid until reinstated)")
    PermitView suspend(@PathVariable String permitId, @Valid @RequestBody ReasonRequest request) {
        return view(sales.changeStatus(permitId, PermitStatus.SUSPENDED, request.reason()));
    }

    @PostMapping("/v1/permits/{permitId}/reinstatement")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Reinstate a suspended permit")
    PermitView reinstate(@PathVariable String permitId, @Valid @RequestBody ReasonRequest request) {
        return view(sales.changeStatus(permitId, PermitStatus.ACTIVE, request.reason()));
    }

    @PostMapping("/v1/permits/{permitId}/revocation")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Revoke a permit (for good; its place goes to the waitlist)")
    PermitView revoke(@PathVariable String permitId, @Valid @RequestBody ReasonRequest request) {
        return view(sales.changeStatus(permitId, PermitStatus.REVOKED, request.reason()));
    }

    @PutMapping("/v1/permits/{permitId}/vehicles")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARKER})
    @Operation(summary = "Replace the permit's vehicles (transfer to a new car)")
    PermitView vehicles(@PathVariable String permitId, @Valid @RequestBody PlatesRequest request) {
        return view(sales.transfer(permitId, request.plates()));
    }

    /**
     * Gives the permit back: refunds per the type's policy (PRORATED: unused whole days) and ends it now. The
     * refund's approval follows the payments refund policy (OPERATOR up to its limit, ADMIN above).
     */
    @PostMapping("/v1/permits/{permitId}/refund")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Give a permit back and refund it per its policy (Idempotency-Key required)")
    RefundView refund(
            @PathVariable String permitId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody ReasonRequest request) {
        if (key == null || key.isBlank()) {
            throw ApiProblem.invalid("Idempotency-Key: required, so that a retried refund never refunds twice");
        }
        PermitRefunds.Outcome outcome = refunds.giveBack(permitId, request.reason(), "permit-refund:" + key.strip());
        return new RefundView(view(outcome.permit()), outcome.refunded(), outcome.refunds());
    }

    private PermitView view(Permit permit) {
        PermitAccess.require(access, permit);
        var due = payables.amountDue(permit.id(), clock.instant()).orElseThrow();
        return new PermitView(
                permit.id(),
                permit.typeId(),
                permit.lotId(),
                permit.holderRef(),
                permit.status(),
                permit.validFrom(),
                permit.validUntil(),
                permits.vehicles(permit.id()).size(),
                due.amount(),
                due.currency().getCurrencyCode(),
                permit.validAt(clock.instant()));
    }
}
