package org.parkline.client;

import java.util.List;

/**
 * The places an entry gate holds in escrow for offline entries ({@code /v1/gates/{gateId}/quota}).
 *
 * @param gateId the entry gate
 * @param lotId its lot
 * @param places the places held now
 */
public record GateQuota(String gateId, String lotId, List<Place> places) {

    /**
     * One held place.
     *
     * @param placeId its id: an offline entry admitted on it names it when replayed
     * @param vehicleType the vehicle type it is for
     * @param floorId its floor
     * @param zone its zone
     * @param spotType its spot type
     * @param spotId the spot (SPOT-mode lots), or {@code null}
     */
    public record Place(
            String placeId, VehicleType vehicleType, String floorId, String zone, SpotType spotType, String spotId) {}
}
