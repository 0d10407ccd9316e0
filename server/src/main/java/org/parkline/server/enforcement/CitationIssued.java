package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.time.Instant;

/** A citation was issued (outward event: the number and amount, never the plate). */
public record CitationIssued(
        String citationId,
        String number,
        String lotId,
        String violationCode,
        BigDecimal fine,
        String currency,
        Instant issuedAt) {}
