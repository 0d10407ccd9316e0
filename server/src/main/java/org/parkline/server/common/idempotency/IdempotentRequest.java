package org.parkline.server.common.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One keyed request: its scope (who and where), its key, and a hash of what was asked. The scope keeps two
 * endpoints (or, later, two callers) from colliding on the same key.
 */
record IdempotentRequest(String scope, String key, byte[] requestHash) {

    static IdempotentRequest of(CachedBodyRequest request, String key) {
        return of(request, key, sha256(request.body()));
    }

    /** A request identified by a hash computed elsewhere (a multipart upload's parts). */
    static IdempotentRequest of(HttpServletRequest request, String key, byte[] requestHash) {
        String caller = request.getUserPrincipal() == null
                ? "anonymous"
                : request.getUserPrincipal().getName();
        String scope = caller + " " + request.getMethod() + " " + request.getRequestURI();
        return new IdempotentRequest(scope, key, requestHash);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
