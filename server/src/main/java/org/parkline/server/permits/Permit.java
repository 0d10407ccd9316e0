package org.parkline.server.permits;

import java.time.Instant;

/** One permit as stored; its plates are in {@code permit_vehicle}, protected. */
record Permit(
        String id,
        String typeId,
        String lotId,
        String holderRef,
        PermitStatus status,
        Instant validFrom,
        Instant validUntil,
        Instant createdAt) {

    boolean validAt(Instant at) {
        return status == PermitStatus.ACTIVE && !at.isBefore(validFrom) && at.isBefore(validUntil);
    }
}
