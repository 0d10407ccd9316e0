package org.parkline.edge.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The lane's plate reader: the controller asks for the latest read when a vehicle is at the barrier. */
public interface PlateCamera {

    /**
     * One plate read.
     *
     * @param plate the plate as read (normalised: upper case, no spaces)
     * @param confidence 0 to 1
     * @param imageRef where the image can be fetched (camera or NVR reference), or null
     * @param at when it was read
     */
    record PlateRead(String plate, double confidence, String imageRef, Instant at) {}

    /** The most recent read at this lane, if it is no older than {@code maxAge}. */
    Optional<PlateRead> latest(Instant now, Duration maxAge);
}
