package org.parkline.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parkline.server.common.ProblemJson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem+json, from filters where no controller advice runs. */
@Component
class SecurityProblems {

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, 401, "unauthenticated", "Sign-in required", detail);
    }

    void entryPoint(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthenticated(
                request, response, "Send a bearer token (POST /v1/auth/token) or a device key (X-Api-Key header)");
    }

    void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, 403, "forbidden", "Not allowed", "Your roles do not allow this request");
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String slug,
            String title,
            String detail)
            throws IOException {
        ProblemJson.write(response, request, status, slug, title, detail);
    }
}
