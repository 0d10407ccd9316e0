package org.parkline.edge;

/**
 * Plates allowed in without a ticket (permit holders). Permits are being built at central by another team; until
 * their endpoint exists the controller runs with {@link #NONE}, which allows nobody: the "permit holders only"
 * policy then admits no one once the quota is spent. A real source would keep a list fetched from central.
 */
public interface PermitSource {

    PermitSource NONE = (lotId, plate) -> false;

    boolean allowsTicketless(String lotId, String plate);
}
