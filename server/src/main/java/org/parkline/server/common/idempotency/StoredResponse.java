package org.parkline.server.common.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** A successful response kept so that a retry with the same key gets exactly the same answer. */
record StoredResponse(byte[] requestHash, int status, String contentType, String location, byte[] body) {

    static StoredResponse of(IdempotentRequest request, ContentCachingResponseWrapper response) {
        return new StoredResponse(
                request.requestHash(),
                response.getStatus(),
                response.getContentType(),
                response.getHeader("Location"),
                response.getContentAsByteArray());
    }

    boolean matches(IdempotentRequest request) {
        return MessageDigest.isEqual(requestHash, request.requestHash());
    }

    void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        if (contentType != null) response.setContentType(contentType);
        if (location != null) response.setHeader("Location", location);
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
