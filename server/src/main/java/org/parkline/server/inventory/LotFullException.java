package org.parkline.server.inventory;

import org.parkline.server.common.ApiProblem;
import org.springframework.http.HttpStatus;

/** No place fits this vehicle: the gate shows "FULL" and the barrier stays closed. */
public class LotFullException extends ApiProblem {

    public LotFullException(String lotId, String vehicleType) {
        super(
                HttpStatus.CONFLICT,
                "lot-full",
                "Lot full",
                "Lot " + lotId + " has no place left for a " + vehicleType.toLowerCase()
                        + " with these preferences; no ticket was issued");
        with("lotId", lotId);
    }
}
