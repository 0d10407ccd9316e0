package org.parkline.edge;

import java.math.BigDecimal;

/**
 * What the controller decided for one vehicle at one gate.
 *
 * @param gateId the gate
 * @param eventId the journal event (null when refused: nothing moved, nothing journaled)
 * @param opened whether the barrier opened
 * @param online whether central decided (false: the controller decided offline)
 * @param ticketRef the ticket's barcode (printed at entry, scanned at exit)
 * @param centralTicketId central's ticket id, when known
 * @param message what the display showed
 * @param due what the stay cost at exit (offline pricing), or null
 * @param collected what was collected offline, or null
 * @param uncollected what could not be collected offline, or null
 */
public record Decision(
        String gateId,
        String eventId,
        boolean opened,
        boolean online,
        String ticketRef,
        String centralTicketId,
        String message,
        BigDecimal due,
        BigDecimal collected,
        BigDecimal uncollected) {

    static Decision refused(String gateId, boolean online, String message) {
        return new Decision(gateId, null, false, online, null, null, message, null, null, null);
    }
}
