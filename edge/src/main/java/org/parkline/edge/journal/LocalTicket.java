package org.parkline.edge.journal;

import java.time.Instant;

/** A ticket one of the lot's gates issued (online or offline), as the controller needs it to price an exit. */
public record LocalTicket(String ref, String centralTicketId, Instant entryAt, String vehicleType, Instant exitedAt) {}
