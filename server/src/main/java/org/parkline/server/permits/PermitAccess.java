package org.parkline.server.permits;

import org.parkline.server.common.ApiProblem;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.identity.Role;

/** Staff act on permits of their lots; a parker (and nobody else of theirs) on the permits they hold. */
final class PermitAccess {

    private PermitAccess() {}

    static boolean parkerOnly(Actor actor) {
        return actor.kind() == Actor.Kind.PERSON
                && actor.has(Role.PARKER)
                && !actor.has(Role.ADMIN)
                && !actor.has(Role.OPERATOR)
                && !actor.has(Role.OFFICER);
    }

    static void require(LotAccess access, Permit permit) {
        Actor actor = Actor.current();
        if (parkerOnly(actor)) {
            // 404, not 403: a parker does not learn that someone else's permit exists
            if (!permit.holderRef().equals(actor.id())) throw ApiProblem.notFound("permit", permit.id());
            return;
        }
        access.requireLot(permit.lotId());
    }

    /** Who a purchase is for: a parker buys for themselves; staff name the holder. */
    static String holder(@org.jspecify.annotations.Nullable String named) {
        Actor actor = Actor.current();
        if (parkerOnly(actor)) return actor.id();
        if (named == null || named.isBlank()) {
            throw ApiProblem.invalid("holder: name who holds the permit (an account id or your own reference)");
        }
        return named.strip();
    }
}
