package org.parkline.server.appeals;

import java.math.BigDecimal;
import java.time.Instant;

/** An adjudicator decided an appeal (outward event); {@code refunded} is what went back to the parker. */
public record AppealDecided(
        String appealId, String citationId, String lotId, String decision, BigDecimal refunded, Instant at) {}
