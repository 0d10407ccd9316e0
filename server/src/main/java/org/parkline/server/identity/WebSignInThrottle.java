package org.parkline.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.ProblemJson;
import org.parkline.server.common.RateLimits;
import org.springframework.web.filter.OncePerRequestFilter;

/** The web sign-in form is throttled like the API's: per address and name, and per address. */
class WebSignInThrottle extends OncePerRequestFilter {

    private final RateLimits limits;

    WebSignInThrottle(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            String name = String.valueOf(request.getParameter("username"));
            limits.take("sign-in", request.getRemoteAddr() + "|" + name, 10);
            limits.take("sign-in-address", request.getRemoteAddr(), 300);
        } catch (ApiProblem tooMany) {
            ProblemJson.write(response, request, 429, "rate-limited", "Too many attempts", tooMany.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
