package org.parkline.server.permits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is sold: a staff monthly, a student semester, a resident or visitor day pass.
 *
 * @param homeLotId the lot that sells it (its currency, its operators)
 * @param lotIds the lots where a permit of this type is valid
 * @param zones zone codes where it is valid in those lots; empty for the whole of them
 * @param validity the length of one term
 * @param quota how many may be held at once; null for no limit
 */
record PermitType(
        String id,
        String homeLotId,
        String name,
        Category category,
        List<String> lotIds,
        List<String> zones,
        BigDecimal price,
        Currency currency,
        Period validity,
        int maxVehicles,
        @Nullable Integer quota,
        RefundPolicy refundPolicy,
        boolean active,
        Instant createdAt) {

    enum Category {
        STAFF,
        STUDENT,
        RESIDENT,
        VISITOR,
        DISABLED,
        OTHER
    }

    /** PRORATED: the unused whole days of the current term are refunded; NONE: nothing is. */
    enum RefundPolicy {
        PRORATED,
        NONE
    }
}
