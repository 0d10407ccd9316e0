package org.parkline.server.identity;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} (people) or {@code X-Api-Key: pk_...} (devices). A credential that
 * does not check out is a 401 at once: a caller who sent one wants to be someone, and must know it failed.
 */
class CredentialFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final Credentials credentials;
    private final SecurityProblems problems;
    private final MeterRegistry meters;

    CredentialFilter(Credentials credentials, SecurityProblems problems, MeterRegistry meters) {
        this.credentials = credentials;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        Optional<Actor> actor = Optional.empty();
        boolean presented = false;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = true;
            actor = credentials.bearer(authorization.substring(7).strip());
        } else if (apiKey != null && !apiKey.isBlank()) {
            presented = true;
            actor = credentials.deviceKey(apiKey.strip());
        }
        if (presented && actor.isEmpty()) {
            meters.counter("parkline.security.denied", "reason", "bad-credentials")
                    .increment();
            problems.unauthenticated(request, response, "The token or API key is unknown, expired or revoked");
            return;
        }
        actor.ifPresent(a -> SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(a)));
        chain.doFilter(request, response);
    }

    /** An authenticated actor with its roles as authorities ({@code ROLE_OPERATOR}, ...). */
    static final class ActorAuthentication extends AbstractAuthenticationToken {
        private final Actor actor;

        ActorAuthentication(Actor actor) {
            super(actor.grants().stream()
                    .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name()))
                    .distinct()
                    .toList());
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.id();
        }
    }
}
