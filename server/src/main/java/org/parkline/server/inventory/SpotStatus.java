package org.parkline.server.inventory;

import org.jspecify.annotations.Nullable;

public enum SpotStatus {
    AVAILABLE("available"),
    OCCUPIED("occupied"),
    OUT_OF_SERVICE("out_of_service"),
    RESERVED("reserved"),
    /** Removed from service for good: counted nowhere (not even in a zone's total); the row stays for history. */
    RETIRED(null);

    /**
     * The zone_counter column that counts spots in this status (a fixed name, safe to put in SQL); null for
     * RETIRED, which no counter counts.
     */
    final @Nullable String counterColumn;

    SpotStatus(@Nullable String counterColumn) {
        this.counterColumn = counterColumn;
    }
}
