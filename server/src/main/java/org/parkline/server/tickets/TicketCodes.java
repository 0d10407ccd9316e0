package org.parkline.server.tickets;

import org.parkline.server.common.QrCodes;

/** The QR code printed on a ticket (or shown on a phone): it carries the ticket's barcode number. */
final class TicketCodes {

    private TicketCodes() {}

    static byte[] qrPng(String content, int size) {
        return QrCodes.png(content, size);
    }
}
