package org.parkline.client;

import java.util.List;

/**
 * Central's answer to a journal replay: one result per event, in order.
 *
 * @param lotId the lot whose events these were
 * @param results what became of each event
 */
public record JournalImport(String lotId, List<Result> results) {

    /**
     * What became of one event.
     *
     * @param eventId the controller's event id
     * @param outcome {@code ENTERED}, {@code EXITED}, or a conflict's defined outcome (docs/edge.md)
     * @param ticketId the central ticket concerned, or {@code null}
     * @param detail what an operator should know, or {@code null}
     * @param replay true when central had already imported this event (the first outcome is returned)
     */
    public record Result(String eventId, String outcome, String ticketId, String detail, boolean replay) {}
}
