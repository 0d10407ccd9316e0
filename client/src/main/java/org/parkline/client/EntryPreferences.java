package org.parkline.client;

/**
 * What the parker asked for at the gate (buttons, badge, EV plug).
 *
 * @param needEvCharging the vehicle wants a charging spot
 * @param needDisabled the parker needs an accessible spot
 */
public record EntryPreferences(boolean needEvCharging, boolean needDisabled) {

    /** No special needs. */
    public static EntryPreferences none() {
        return new EntryPreferences(false, false);
    }
}
