package org.parkline.server.identity;

import io.micrometer.core.instrument.MeterRegistry;
import org.parkline.server.common.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The lot half of authorization: roles say what an actor may do, this says where. Called where the lot (or gate)
 * a request touches becomes known. Roles granted for one lot work only there; a device key works only for its own
 * lot and, when bound to one, its own gate.
 */
@Component
public class LotAccess {

    private static final Logger log = LoggerFactory.getLogger(LotAccess.class);

    private final MeterRegistry meters;

    LotAccess(MeterRegistry meters) {
        this.meters = meters;
    }

    public void requireLot(String lotId) {
        Actor actor = Actor.current();
        if (actor.kind() == Actor.Kind.ANONYMOUS || actor.mayActIn(lotId)) return;
        throw denied(
                actor,
                "lot-not-allowed",
                "Not allowed in this lot",
                "Your " + (actor.kind() == Actor.Kind.DEVICE ? "device key" : "roles") + " do not cover lot " + lotId);
    }

    /** Only a grant for every lot will do: managing accounts, reading across lots. */
    public void requireGlobal(Role role) {
        Actor actor = Actor.current();
        boolean global = actor.kind() == Actor.Kind.SYSTEM
                || actor.grants().stream().anyMatch(g -> g.global() && g.role() == role);
        if (!global) {
            throw denied(
                    actor,
                    "needs-global-role",
                    "Needs a role for every lot",
                    "This needs the " + role + " role for every lot, not for one lot");
        }
    }

    /** True when the actor's grants cover every lot (some global grant). */
    public boolean coversEveryLot() {
        Actor actor = Actor.current();
        return actor.kind() == Actor.Kind.SYSTEM || actor.grants().stream().anyMatch(Grant::global);
    }

    public void requireGate(String lotId, String gateId) {
        requireLot(lotId);
        Actor actor = Actor.current();
        if (actor.kind() == Actor.Kind.DEVICE
                && actor.deviceGateId() != null
                && !actor.deviceGateId().equals(gateId)) {
            throw denied(
                    actor,
                    "gate-not-allowed",
                    "Not this gate's key",
                    "This device key belongs to gate " + actor.deviceGateId() + ", not " + gateId);
        }
    }

    private ApiProblem denied(Actor actor, String slug, String title, String detail) {
        meters.counter("parkline.security.denied", "reason", slug).increment();
        log.warn("Denied {} {}: {}", actor.kind(), actor.id(), slug);
        return new ApiProblem(HttpStatus.FORBIDDEN, slug, title, detail);
    }
}
