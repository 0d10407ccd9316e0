package org.parkline.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A new lot, described by its layout ({@code POST /v1/lots}). Spot ids are generated as {@code
 * <spotIdPrefix>_<level>_<seq>}.
 *
 * @param lotId the new lot's id ({@code [A-Za-z0-9_-]{1,32}})
 * @param name its display name
 * @param address its street address, or {@code null}
 * @param timezone an IANA zone id, e.g. {@code Asia/Singapore}
 * @param currency ISO 4217 code
 * @param mode whether spots are assigned or places counted
 * @param spotIdPrefix prefix of the generated spot ids
 * @param floors floors, zones and the number of spots of each type per zone
 * @param gates the gates to create
 * @param pricing a pricing rule-set document, or {@code null} for the server's default tariff
 */
public record LotLayout(
        String lotId,
        String name,
        String address,
        String timezone,
        String currency,
        LotMode mode,
        String spotIdPrefix,
        List<FloorLayout> floors,
        List<GateLayout> gates,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> pricing) {

    /**
     * A floor to create.
     *
     * @param floorId the floor's id
     * @param name its display name
     * @param level its level, ground = 1
     * @param zones its zones
     */
    public record FloorLayout(String floorId, String name, int level, List<ZoneLayout> zones) {}

    /**
     * A zone to create, with how many spots of each type it holds.
     *
     * @param zone the zone code
     * @param name its display name
     * @param spots number of spots per type
     */
    public record ZoneLayout(String zone, String name, Map<SpotType, Integer> spots) {}

    /**
     * A gate to create.
     *
     * @param gateId the gate's id
     * @param direction entry or exit
     * @param floorId the floor it is on
     * @param zone the zone it opens onto, or {@code null}
     */
    public record GateLayout(String gateId, GateDirection direction, String floorId, String zone) {}
}
