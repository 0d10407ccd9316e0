package org.parkline.client;

/**
 * A vehicle asking to enter a lot at a gate ({@code POST /v1/tickets/entry}).
 *
 * @param lotId the lot being entered
 * @param gateId the entry gate
 * @param vehicle the vehicle at the gate
 * @param preferences what the parker asked for; {@code null} means none
 * @param holdId a reservation hold to convert into the ticket, or {@code null}
 */
public record EntryRequest(String lotId, String gateId, Vehicle vehicle, EntryPreferences preferences, String holdId) {

    /** An entry without a hold. */
    public static EntryRequest of(String lotId, String gateId, Vehicle vehicle, EntryPreferences preferences) {
        return new EntryRequest(lotId, gateId, vehicle, preferences, null);
    }
}
