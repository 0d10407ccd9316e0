package org.parkline.edge.journal;

import java.util.Optional;

/** An offline entry as journaled: its event id (also the ticket's barcode) and the quota place it took, if any. */
public record OfflineEntry(String eventId, Optional<QuotaPlace> place) {}
