package org.parkline.server.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Refunds", description = "Give money back on a captured payment, within the refund policy")
class RefundController {

    private final LotAccess access;

    private final Refunds refunds;
    private final Payments payments;

    RefundController(Refunds refunds, Payments payments, LotAccess access) {
        this.access = access;
        this.refunds = refunds;
        this.payments = payments;
    }

    record RefundRequest(
            @NotNull BigDecimal amount,
            @Nullable @Size(max = 500) String reason,
            @Nullable @Size(max = 200) String idempotencyKey) {}

    record RefundView(
            String refundId,
            String paymentId,
            BigDecimal amount,
            String currency,
            String reason,
            Refund.Status status,
            String approvalRole,
            @Nullable String failureReason,
            Instant createdAt,
            @Nullable Instant completedAt) {
        static RefundView of(Refund r) {
            return new RefundView(
                    r.id(),
                    r.paymentId(),
                    r.amount().setScale(r.currency().getDefaultFractionDigits()),
                    r.currency().getCurrencyCode(),
                    r.reason(),
                    r.status(),
                    r.approvalRole(),
                    r.failureReason(),
                    r.createdAt(),
                    r.completedAt());
        }
    }

    /**
     * Refunds part or all of a captured payment. Roles: OPERATOR up to {@code parkline.payments.refunds.operator-limit}
     * (the answer's {@code approvalRole} names the role the amount needs), ADMIN above it. A reason is mandatory.
     * 201 with status SUCCEEDED, FAILED (the PSP refused) or PENDING (the PSP is slow; sent again by a retry or the
     * reconciler). Refused: 409 {@code payment-not-refundable}, 422 {@code refund-exceeds-captured}, 422
     * {@code refund-window-closed}, 400 {@code validation}.
     */
    @PostMapping("/v1/payments/{paymentId}/refunds")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Refund part or all of a captured payment (idempotency key required)")
    ResponseEntity<RefundView> refund(
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String headerKey,
            @Valid @RequestBody RefundRequest request) {
        String key = IdempotencyKey.required(headerKey, request.idempotencyKey(), "refund never refunds twice");
        Refund refund = refunds.refund(new Refunds.RefundCommand(
                paymentId, request.amount(), request.reason() == null ? "" : request.reason(), key));
        return ResponseEntity.created(URI.create("/v1/payments/" + paymentId + "/refunds/" + refund.id()))
                .body(RefundView.of(refund));
    }

    /** A payment's refunds, oldest first. Roles: OPERATOR, ADMIN, ANALYST. */
    @GetMapping("/v1/payments/{paymentId}/refunds")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "A payment's refunds")
    List<RefundView> refunds(@PathVariable String paymentId) {
        access.requireLot(payments.payment(paymentId)
                .orElseThrow(() -> ApiProblem.notFound("payment", paymentId))
                .lotId());
        return refunds.ofPayment(paymentId).stream().map(RefundView::of).toList();
    }
}
