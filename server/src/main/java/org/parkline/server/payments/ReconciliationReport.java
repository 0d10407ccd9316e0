package org.parkline.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One lot's day: Parkline's card and wallet captures against the PSP's, cash on its own (no PSP holds it), every
 * mismatch, and the payments whose payer left while the capture was pending: still pending, or failed (uncollected:
 * the stay was let go and the money did not come).
 */
record ReconciliationReport(
        LocalDate date,
        String lotId,
        String timezone,
        String currency,
        Instant from,
        Instant to,
        Totals parkline,
        Totals psp,
        Totals cash,
        int matched,
        List<Mismatch> mismatches,
        List<Released> pendingCaptures,
        List<Released> uncollected) {

    record Totals(int count, BigDecimal amount) {}

    enum Kind {
        /** Parkline recorded a capture the PSP does not have. */
        MISSING_AT_PSP,
        /** The PSP captured money Parkline has no captured payment for. */
        MISSING_IN_PARKLINE,
        /** Both have it, with different amounts. */
        AMOUNT_DIFFERS
    }

    record Mismatch(
            Kind kind,
            @Nullable String paymentId,
            @Nullable String pspReference,
            @Nullable BigDecimal parklineAmount,
            @Nullable BigDecimal pspAmount) {

        static Mismatch missingAtPsp(String paymentId, @Nullable String pspReference, BigDecimal amount) {
            return new Mismatch(Kind.MISSING_AT_PSP, paymentId, pspReference, amount, null);
        }

        static Mismatch missingInParkline(@Nullable String paymentId, String pspReference, BigDecimal amount) {
            return new Mismatch(Kind.MISSING_IN_PARKLINE, paymentId, pspReference, null, amount);
        }

        static Mismatch amountDiffers(String paymentId, String pspReference, BigDecimal ours, BigDecimal theirs) {
            return new Mismatch(Kind.AMOUNT_DIFFERS, paymentId, pspReference, ours, theirs);
        }
    }

    record Released(
            String paymentId,
            String payableKind,
            String payableRef,
            BigDecimal amount,
            String currency,
            Instant releasedAt,
            @Nullable String failureReason) {}
}
