package org.parkline.client;

/** Where a payment stands; a ticket is settled only by CAPTURED payments. */
public enum PaymentStatus {
    INITIATED,
    AUTHORIZED,
    CAPTURED,
    FAILED,
    REFUNDED
}
