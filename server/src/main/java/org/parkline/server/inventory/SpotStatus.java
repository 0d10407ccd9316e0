package org.parkline.server.inventory;

public enum SpotStatus {
    AVAILABLE("available"),
    OCCUPIED("occupied"),
    OUT_OF_SERVICE("out_of_service"),
    RESERVED("reserved");

    /** The zone_counter column that counts spots in this status (a fixed name, safe to put in SQL). */
    final String counterColumn;

    SpotStatus(String counterColumn) {
        this.counterColumn = counterColumn;
    }
}
