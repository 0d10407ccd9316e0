package org.parkline.edge.journal;

/** Central's outcome for one replayed event. */
public record Replayed(String eventId, String outcome, String centralTicketId) {}
