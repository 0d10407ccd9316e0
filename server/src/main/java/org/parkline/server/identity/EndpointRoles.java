package org.parkline.server.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces each endpoint's declared roles before anything of the request is read: nobody learns how a body is
 * validated, or whether an id exists, without being allowed to ask. An API endpoint without a declaration is
 * refused: nothing is open by accident.
 */
@Component
class EndpointRoles implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !request.getRequestURI().startsWith("/v1/")) return true;
        if (method.hasMethodAnnotation(PermitAll.class)) return true;
        RolesAllowed roles = method.getMethodAnnotation(RolesAllowed.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
        if (anonymous) throw new AuthenticationCredentialsNotFoundException("sign-in required");
        if (roles == null) throw new AccessDeniedException("endpoint declares no roles");
        boolean allowed = authentication.getAuthorities().stream().anyMatch(a -> Arrays.asList(roles.value())
                .contains(a.getAuthority().replaceFirst("^ROLE_", "")));
        if (!allowed) throw new AccessDeniedException("role not allowed");
        return true;
    }
}
