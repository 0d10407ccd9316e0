package org.parkline.server.permits;

/**
 * PENDING_PAYMENT → ACTIVE once its purchase is paid (at once when free); ACTIVE ⇄ SUSPENDED; ACTIVE or SUSPENDED
 * → REVOKED (taken away) or REFUNDED (given back, money returned per the type's policy). An ACTIVE permit past its
 * term stays ACTIVE but is not valid: renewing extends it.
 */
public enum PermitStatus {
    PENDING_PAYMENT,
    ACTIVE,
    SUSPENDED,
    REVOKED,
    REFUNDED,
    LAPSED
}
