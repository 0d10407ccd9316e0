package org.parkline.server.permits;

import java.time.Instant;

/** A permit became valid (its purchase was paid, or it was free), or a renewal extended it. */
public record PermitIssued(String permitId, String typeId, String lotId, Instant validFrom, Instant validUntil) {}
