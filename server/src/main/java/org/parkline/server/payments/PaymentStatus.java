package org.parkline.server.payments;

/**
 * INITIATED → AUTHORIZED → CAPTURED | FAILED; INITIATED → FAILED; CAPTURED → REFUNDED once all of it was given back
 * (a partial refund keeps it CAPTURED with a refunded total). Every transition is a row in {@code payment_history}.
 */
public enum PaymentStatus {
    INITIATED,
    AUTHORIZED,
    CAPTURED,
    FAILED,
    REFUNDED
}
