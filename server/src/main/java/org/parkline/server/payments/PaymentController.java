package org.parkline.server.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "Pay what a ticket owes; one idempotency key is one charge")
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    record PaymentRequest(
            @NotBlank @Size(max = 64) String ticketId,
            @NotNull PaymentMethod method,
            @Nullable @Size(max = 200) String paymentToken,
            @Nullable @Size(max = 200) String idempotencyKey,
            @Nullable BigDecimal amount) {}

    record PaymentView(
            String paymentId,
            String ticketId,
            BigDecimal amount,
            String currency,
            PaymentMethod method,
            PaymentStatus status,
            @Nullable String failureReason,
            Instant createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(
                    p.id(),
                    p.payableRef(),
                    p.amount(),
                    p.currency().getCurrencyCode(),
                    p.method(),
                    p.status(),
                    p.failureReason(),
                    p.createdAt());
        }
    }

    @PostMapping("/v1/payments")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN, Roles.PARKER})
    @Operation(summary = "Pay for a ticket (the idempotency key is required: header or body)")
    ResponseEntity<PaymentView> pay(
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String headerKey,
            @Valid @RequestBody PaymentRequest request) {
        String key = headerKey != null && !headerKey.isBlank() ? headerKey.strip() : request.idempotencyKey();
        if (key == null || key.isBlank()) {
            throw ApiProblem.invalid("idempotencyKey: required (body field or Idempotency-Key header) so that a "
                    + "retried payment never charges twice");
        }
        Payment payment = payments.pay(new Payments.PayCommand(
                "TICKET", request.ticketId(), request.method(), request.paymentToken(), key, request.amount()));
        return ResponseEntity.created(URI.create("/v1/payments/" + payment.id()))
                .body(PaymentView.of(payment));
    }

    @GetMapping("/v1/payments/{paymentId}")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "A payment")
    PaymentView payment(@PathVariable String paymentId) {
        return payments.payment(paymentId)
                .map(PaymentView::of)
                .orElseThrow(() -> ApiProblem.notFound("payment", paymentId));
    }
}
