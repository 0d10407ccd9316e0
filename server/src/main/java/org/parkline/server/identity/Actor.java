package org.parkline.server.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current request: a person (account), a device (API key bound to a lot and maybe a gate), the
 * system itself (jobs, start-up), or nobody. The audit log records it; lot-scoped checks read it.
 */
public record Actor(
        Kind kind,
        String id,
        String name,
        List<Grant> grants,
        @Nullable String deviceLotId,
        @Nullable String deviceGateId,
        @Nullable String deviceKind) {

    public enum Kind {
        PERSON,
        DEVICE,
        SYSTEM,
        ANONYMOUS
    }

    public static final Actor ANONYMOUS =
            new Actor(Kind.ANONYMOUS, "anonymous", "anonymous", List.of(), null, null, null);
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", "Parkline", List.of(), null, null, null);

    public Actor {
        grants = List.copyOf(grants);
    }

    /** The actor of the current request (or SYSTEM outside of one, e.g. in a scheduled job). */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) return actor;
        if (authentication != null
                && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal())) {
            return new Actor(
                    Kind.PERSON, authentication.getName(), authentication.getName(), List.of(), null, null, null);
        }
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null
                ? SYSTEM
                : ANONYMOUS;
    }

    /** True when the actor holds the role (anywhere); the system itself holds every role. */
    public boolean has(Role role) {
        return kind == Kind.SYSTEM || grants.stream().anyMatch(g -> g.role() == role);
    }

    /** True when some grant lets this actor act in the lot (a global grant, or one for that lot). */
    public boolean mayActIn(String lotId) {
        return switch (kind) {
            case SYSTEM -> true;
            case ANONYMOUS -> false;
            case DEVICE -> lotId.equals(deviceLotId);
            case PERSON -> grants.stream().anyMatch(g -> g.global() || lotId.equals(g.lotId()));
        };
    }
}
