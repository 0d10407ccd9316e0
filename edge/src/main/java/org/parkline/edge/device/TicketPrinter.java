package org.parkline.edge.device;

/** Prints the ticket a parker takes at entry; the barcode is what the exit scanner reads back. */
public interface TicketPrinter {

    /**
     * @param barcode printed as a QR code and as a barcode
     * @param text what is printed beside it (lot, time, spot)
     */
    void print(String barcode, String text);
}
