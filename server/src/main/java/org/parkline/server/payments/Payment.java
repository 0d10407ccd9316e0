package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

public record Payment(
        String id,
        String lotId,
        String payableKind,
        String payableRef,
        BigDecimal amount,
        Currency currency,
        PaymentMethod method,
        PaymentStatus status,
        @Nullable String failureReason,
        Instant createdAt) {}
