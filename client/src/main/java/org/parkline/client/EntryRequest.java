package org.parkline.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A vehicle asking to enter a lot at a gate ({@code POST /v1/tickets/entry}).
 *
 * @param lotId the lot being entered
 * @param gateId the entry gate
 * @param vehicle the vehicle at the gate
 * @param preferences what the parker asked for; {@code null} means none
 * @param holdId a reservation hold to convert into the ticket, or {@code null}
 * @param edgeRef the edge controller's event id for this entry, or {@code null}
 */
public record EntryRequest(
        String lotId,
        String gateId,
        Vehicle vehicle,
        EntryPreferences preferences,
        String holdId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String edgeRef) {

    /** An entry, with a hold id or {@code null}. */
    public EntryRequest(String lotId, String gateId, Vehicle vehicle, EntryPreferences preferences, String holdId) {
        this(lotId, gateId, vehicle, preferences, holdId, null);
    }

    /**
     * The same entry, marked with an edge controller's event id: should the controller time out and admit the
     * vehicle offline under that id, the replay recognises this ticket instead of making a second one.
     */
    public EntryRequest withEdgeRef(String edgeEventId) {
        return new EntryRequest(lotId, gateId, vehicle, preferences, holdId, edgeEventId);
    }

    /** An entry without a hold. */
    public static EntryRequest of(String lotId, String gateId, Vehicle vehicle, EntryPreferences preferences) {
        return new EntryRequest(lotId, gateId, vehicle, preferences, null);
    }
}
