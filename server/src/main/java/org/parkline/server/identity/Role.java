package org.parkline.server.identity;

/**
 * What a person or device may do. Endpoints name the roles they allow with {@code @RolesAllowed}; a role granted
 * for one lot works only there.
 */
public enum Role {
    /** Runs the whole platform: lots, tariffs, accounts, keys. */
    ADMIN,
    /** An attendant or cashier: tickets, payments, spots and gates of their lots. */
    OPERATOR,
    /** Enforcement officer. */
    OFFICER,
    /** Decides appeals. */
    ADJUDICATOR,
    /** Reads reports and metrics. */
    ANALYST,
    /** Reads the audit log, changes nothing. */
    AUDITOR,
    /** A device: gate controller, camera or pay station, bound to its lot (and gate). */
    GATE,
    /** A parker using self-service. */
    PARKER
}
