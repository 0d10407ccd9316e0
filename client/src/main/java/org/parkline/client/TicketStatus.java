package org.parkline.client;

/** A ticket is ACTIVE from entry until the vehicle leaves (CLOSED), or ends LOST or VOID. */
public enum TicketStatus {
    ACTIVE,
    CLOSED,
    LOST,
    VOID
}
