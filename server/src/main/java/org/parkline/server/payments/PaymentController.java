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
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Role;
import org.parkline.server.identity.Roles;
import org.springframework.http.HttpStatus;
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

    private final LotAccess access;

    private final Payments payments;

    PaymentController(Payments payments, LotAccess access) {
        this.access = access;
        this.payments = payments;
    }

    record CashCollectorRequest(@NotNull Payments.CashCollector.Kind kind, @NotBlank @Size(max = 64) String id) {}

    /** Exactly one of {@code ticketId}, {@code citationId} and {@code permitId} names what is paid for. */
    record PaymentRequest(
            @Nullable @Size(max = 64) String ticketId,
            @Nullable @Size(max = 64) String citationId,
            @Nullable @Size(max = 64) String permitId,
            @NotNull PaymentMethod method,
            @Nullable @Size(max = 200) String paymentToken,
            @Nullable @Size(max = 200) String idempotencyKey,
            @Nullable BigDecimal amount,
            @Nullable @Valid CashCollectorRequest collectedBy) {}

    /**
     * @param pending AUTHORIZED with the capture's answer not in yet: the ticket may exit on it (pending exit)
     * @param refunded what was given back so far
     */
    record PaymentView(
            String paymentId,
            @Nullable String ticketId,
            @Nullable String citationId,
            @Nullable String permitId,
            BigDecimal amount,
            String currency,
            PaymentMethod method,
            PaymentStatus status,
            boolean pending,
            BigDecimal refunded,
            @Nullable String failureReason,
            @Nullable String collectedBy,
            Instant createdAt,
            @Nullable Instant capturedAt,
            @Nullable Instant releasedAt) {
        static PaymentView of(Payment p) {
            int decimals = p.currency().getDefaultFractionDigits();
            return new PaymentView(
                    p.id(),
                    p.payableKind().equals("TICKET") ? p.payableRef() : null,
                    p.payableKind().equals("CITATION") ? p.payableRef() : null,
                    p.payableKind().equals("PERMIT") ? p.payableRef() : null,
                    p.amount().setScale(decimals),
                    p.currency().getCurrencyCode(),
                    p.method(),
                    p.status(),
                    p.pending(),
                    p.refunded().setScale(decimals),
                    p.failureReason(),
                    p.collectedBy(),
                    p.createdAt(),
                    p.capturedAt(),
                    p.releasedAt());
        }
    }

    record HistoryView(int seq, PaymentStatus status, Instant at, @Nullable String detail) {}

    /**
     * Pays for a ticket, a citation or a permit. Roles: a pay station or exit gate device (its API key), an OPERATOR for cash at a booth,
     * and the parker (ticket number plus plate). 201 with status CAPTURED, FAILED (declined), or AUTHORIZED with
     * {@code pending: true} when the capture is slow; 503 {@code psp-unavailable} when the PSP did not answer the
     * authorization (retry with the same key).
     */
    @PostMapping("/v1/payments")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN, Roles.PARKER})
    @Operation(summary = "Pay for a ticket, citation or permit (the idempotency key is required: header or body)")
    ResponseEntity<PaymentView> pay(
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String headerKey,
            @Valid @RequestBody PaymentRequest request) {
        String key = IdempotencyKey.required(headerKey, request.idempotencyKey(), "payment never charges twice");
        Payments.CashCollector named = request.collectedBy() == null
                ? null
                : new Payments.CashCollector(
                        request.collectedBy().kind(), request.collectedBy().id());
        Payments.CashCollector collector = request.method() == PaymentMethod.CASH ? cashTakenBy(named) : named;
        Payable payable = Payable.of(request);
        Payment payment = payments.pay(new Payments.PayCommand(
                payable.kind(),
                payable.ref(),
                request.method(),
                request.paymentToken(),
                key,
                request.amount(),
                collector));
        return ResponseEntity.created(URI.create("/v1/payments/" + payment.id()))
                .body(PaymentView.of(payment));
    }

    /** A payment as it stands now. Roles: GATE, OPERATOR, ADMIN, ANALYST. */
    @GetMapping("/v1/payments/{paymentId}")
    @RolesAllowed({Roles.GATE, Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "A payment")
    PaymentView payment(@PathVariable String paymentId) {
        Payment payment = payments.payment(paymentId).orElseThrow(() -> ApiProblem.notFound("payment", paymentId));
        access.requireLot(payment.lotId());
        return PaymentView.of(payment);
    }

    /** Every transition of a payment, in order. Roles: OPERATOR, ADMIN, ANALYST, AUDITOR. */
    @GetMapping("/v1/payments/{paymentId}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST, Roles.AUDITOR})
    @Operation(summary = "A payment's transitions, oldest first")
    List<HistoryView> history(@PathVariable String paymentId) {
        access.requireLot(payments.payment(paymentId)
                .orElseThrow(() -> ApiProblem.notFound("payment", paymentId))
                .lotId());
        return payments.history(paymentId).stream()
                .map(h -> new HistoryView(h.seq(), h.status(), h.at(), h.detail()))
                .toList();
    }

    /** What a payment request pays for: exactly one of its three ids. */
    private record Payable(String kind, String ref) {
        static Payable of(PaymentRequest request) {
            List<Payable> named = new java.util.ArrayList<>();
            if (request.ticketId() != null && !request.ticketId().isBlank()) {
                named.add(new Payable("TICKET", request.ticketId()));
            }
            if (request.citationId() != null && !request.citationId().isBlank()) {
                named.add(new Payable("CITATION", request.citationId()));
            }
            if (request.permitId() != null && !request.permitId().isBlank()) {
                named.add(new Payable("PERMIT", request.permitId()));
            }
            if (named.size() != 1) {
                throw ApiProblem.invalid(
                        "ticketId, citationId, permitId: name exactly one thing to pay for (got " + named.size() + ")");
            }
            return named.getFirst();
        }
    }

    /**
     * Who took the cash. Only an attendant (OPERATOR, ADMIN) or a pay station / gate controller with its own key
     * may record cash: anyone else could mark a ticket paid without paying. An attendant may name the pay
     * station that took it; a device records itself.
     */
    private static Payments.CashCollector cashTakenBy(Payments.@Nullable CashCollector named) {
        Actor actor = Actor.current();
        boolean attendant = actor.kind() == Actor.Kind.PERSON && (actor.has(Role.OPERATOR) || actor.has(Role.ADMIN));
        boolean cashDevice = actor.kind() == Actor.Kind.DEVICE
                && ("PAY_STATION".equals(actor.deviceKind()) || "GATE".equals(actor.deviceKind()));
        if (attendant) {
            return named != null ? named : new Payments.CashCollector(Payments.CashCollector.Kind.OPERATOR, actor.id());
        }
        if (cashDevice && (named == null || named.id().equals(actor.id()))) {
            return new Payments.CashCollector(Payments.CashCollector.Kind.PAY_STATION, actor.id());
        }
        throw new ApiProblem(
                HttpStatus.FORBIDDEN,
                "cash-needs-attendant",
                "Cash is recorded by an attendant",
                "Only an attendant or a pay station records cash, as itself; pay by card or e-wallet instead");
    }
}
