package org.parkline.server.tickets;

import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.http.HttpStatus;

/** A gate may serve a request only if it exists, belongs to the lot, faces the right way and is not shut. */
final class GateChecks {

    private GateChecks() {}

    static Gate usable(LotCatalog lots, LotAccess access, String gateId, Lot lot, Gate.Direction direction) {
        Gate gate = lots.gate(gateId).orElseThrow(() -> ApiProblem.notFound("gate", gateId));
        access.requireGate(gate.lotId(), gate.id());
        if (!gate.lotId().equals(lot.id())) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "gate-not-in-lot",
                    "Gate not in lot",
                    "Gate " + gateId + " belongs to lot " + gate.lotId() + ", not " + lot.id());
        }
        if (gate.direction() != direction) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "wrong-gate-direction",
                    "Wrong gate",
                    "Gate " + gateId + " is an " + gate.direction() + " gate; use an " + direction + " gate");
        }
        if (!gate.acceptsTraffic()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "gate-closed",
                    "Gate closed",
                    "Gate " + gateId + " is " + gate.status() + "; use another gate or ask an attendant");
        }
        return gate;
    }
}
