package org.parkline.edge.device;

/** A lane's barrier arm. The controller moves it only after the event that justifies it is journaled. */
public interface Barrier {

    enum State {
        OPEN,
        CLOSED,
        HELD_OPEN
    }

    /** Lets one vehicle through (the arm closes behind it). */
    void open();

    /** Closes and keeps closed (force close). */
    void close();

    /** Opens and keeps open until told otherwise (force open). */
    void holdOpen();

    State state();
}
