package org.parkline.server.common.idempotency;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One keyed request: its scope (who and where), its key, and a hash of what was asked. The scope keeps two
 * endpoints (or, later, two callers) from colliding on the same key.
 */
record IdempotentRequest(String scope, String key, byte[] requestHash) {

    static IdempotentRequest of(CachedBodyRequest request, String key, RequestFingerprints fingerprints) {
        return of(request, key, fingerprints.of(request.body()));
    }

    /** A request identified by a keyed fingerprint computed elsewhere (of a multipart upload's parts). */
    static IdempotentRequest of(HttpServletRequest request, String key, byte[] requestHash) {
        String caller = request.getUserPrincipal() == null
                ? "anonymous"
                : request.getUserPrincipal().getName();
        String scope = caller + " " + request.getMethod() + " " + request.getRequestURI();
        return new IdempotentRequest(scope, key, requestHash);
    }
}
