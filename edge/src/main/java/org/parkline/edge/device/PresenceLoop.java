package org.parkline.edge.device;

/** The induction loop in front of the barrier: is a vehicle there. */
public interface PresenceLoop {

    boolean vehiclePresent();
}
