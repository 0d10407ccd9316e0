package org.parkline.server.tickets;

public enum TicketStatus {
    ACTIVE,
    CLOSED,
    LOST,
    VOID
}
