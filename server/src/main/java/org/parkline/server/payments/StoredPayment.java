package org.parkline.server.payments;

import org.jspecify.annotations.Nullable;

/** A payment with what only payments needs to know: its idempotency key and where the PSP keeps it. */
record StoredPayment(Payment payment, String idempotencyKey, String psp, @Nullable String pspReference) {

    String id() {
        return payment.id();
    }

    String captureKey() {
        return idempotencyKey + ":capture";
    }
}
