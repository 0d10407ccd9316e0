package org.parkline.edge.device;

import java.util.function.Consumer;

/** Reads the ticket presented at exit (QR or barcode) and reports the barcode. */
public interface TicketScanner {

    void onScan(Consumer<String> barcode);
}
