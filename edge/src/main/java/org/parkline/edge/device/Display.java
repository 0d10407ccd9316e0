package org.parkline.edge.device;

/** The lane's message sign: tells the driver what happens, and the mode (offline) the controller is in. */
public interface Display {

    void show(String message);
}
