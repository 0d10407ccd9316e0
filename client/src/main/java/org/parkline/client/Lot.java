package org.parkline.client;

import java.time.ZoneId;
import java.util.List;

/**
 * A lot with its layout ({@code GET /v1/lots/{id}}, and the answer to {@code POST /v1/lots}).
 *
 * @param lotId the lot's id
 * @param name its display name
 * @param address its street address, or {@code null}
 * @param timezone the zone billing uses
 * @param mode whether spots are assigned or places counted
 * @param currency ISO 4217 code
 * @param floors the floors, with their zones
 * @param gates the entry and exit gates
 */
public record Lot(
        String lotId,
        String name,
        String address,
        ZoneId timezone,
        LotMode mode,
        String currency,
        List<Floor> floors,
        List<Gate> gates) {

    /**
     * A floor of a lot.
     *
     * @param floorId the floor's id
     * @param name its display name
     * @param level its level, ground = 1
     * @param zones its zones
     */
    public record Floor(String floorId, String name, int level, List<Zone> zones) {}

    /**
     * A zone of a floor.
     *
     * @param zone the zone code
     * @param name its display name
     */
    public record Zone(String zone, String name) {}

    /**
     * A gate of a lot.
     *
     * @param gateId the gate's id
     * @param direction entry or exit
     * @param floorId the floor it is on
     * @param zone the zone it opens onto, or {@code null}
     * @param status e.g. {@code NORMAL}, {@code FORCED_OPEN}, {@code DISABLED}
     */
    public record Gate(String gateId, GateDirection direction, String floorId, String zone, String status) {}
}
