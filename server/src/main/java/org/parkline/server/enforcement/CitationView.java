package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A citation as staff see it: the plate in the clear (officers, adjudicators and admins may see it), what it owes
 * now, its evidence, and the links to the printed notice's QR code and the parker's look-up.
 */
record CitationView(
        String citationId,
        String number,
        String lotId,
        @Nullable String zone,
        @Nullable String location,
        String plate,
        @Nullable String vehicle,
        String violationCode,
        String violation,
        CitationStatus status,
        BigDecimal fine,
        @Nullable BigDecimal reducedTo,
        BigDecimal lateFee,
        Instant lateFrom,
        BigDecimal amountDue,
        BigDecimal paid,
        String currency,
        String officerId,
        @Nullable String patrolId,
        Instant issuedAt,
        String noticeQr,
        String parkerLink,
        List<Citations.EvidenceInfo> evidence) {

    static CitationView of(Citation c, Citations citations, Instant now, String publicUrl) {
        Citations.Owed owed = citations.owed(c, now);
        return new CitationView(
                c.id(),
                c.number(),
                c.lotId(),
                c.zone(),
                c.location(),
                citations.plateOf(c),
                c.vehicle(),
                c.violationCode(),
                c.violation(),
                c.status(),
                c.fine(),
                c.reducedTo(),
                c.lateFee(),
                c.lateFrom(),
                owed.due(),
                owed.paid(),
                c.currency().getCurrencyCode(),
                c.officerId(),
                c.patrolId(),
                c.issuedAt(),
                "/v1/citations/" + c.id() + "/notice-qr.png",
                parkerLink(publicUrl, c),
                citations.evidence(c.id()));
    }

    /** What the printed notice's QR code carries: the parker's page for this citation (the plate is not in it). */
    static String parkerLink(String publicUrl, Citation c) {
        return publicUrl.replaceAll("/+$", "") + "/citations/" + c.number();
    }
}
