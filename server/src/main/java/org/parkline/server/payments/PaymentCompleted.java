package org.parkline.server.payments;

/** A payment reached a final state (CAPTURED or FAILED). */
public record PaymentCompleted(Payment payment) {}
