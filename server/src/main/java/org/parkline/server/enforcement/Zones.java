package org.parkline.server.enforcement;

import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.lots.LotCatalog;

/**
 * Where enforcement happens: a lot, and optionally one of its zone codes. Zone codes are unique only inside a lot,
 * so a zone is addressed with its lot: {@code lotId=L1&zone=A}, or {@code zoneId=L1:A}.
 */
final class Zones {

    private Zones() {}

    record Place(String lotId, @Nullable String zone) {}

    static Place of(@Nullable String lotId, @Nullable String zone, @Nullable String zoneId) {
        if (zoneId != null && !zoneId.isBlank()) {
            int colon = zoneId.indexOf(':');
            if (colon <= 0 || colon == zoneId.length() - 1) {
                throw ApiProblem.invalid("zoneId: <lotId>:<zone code>, e.g. L1:A");
            }
            String lot = zoneId.substring(0, colon);
            if (lotId != null && !lotId.isBlank() && !lotId.equals(lot)) {
                throw ApiProblem.invalid("lotId and zoneId name different lots");
            }
            return new Place(lot, zoneId.substring(colon + 1));
        }
        if (lotId == null || lotId.isBlank()) throw ApiProblem.invalid("lotId or zoneId: say where the vehicle is");
        return new Place(lotId, zone == null || zone.isBlank() ? null : zone);
    }

    static void require(LotCatalog lots, String lotId, @Nullable String zone) {
        if (zone == null) return;
        if (lots.zones(lotId).stream().noneMatch(z -> z.zone().equals(zone))) {
            throw ApiProblem.invalid("zone: lot " + lotId + " has no zone " + zone);
        }
    }
}
