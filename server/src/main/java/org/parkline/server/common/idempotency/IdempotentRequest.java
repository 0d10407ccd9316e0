package org.parkline.server.common.idempotency;

/**
 * One keyed request: its scope (who and where), its key, and a keyed fingerprint of what was asked. The scope keeps two
 * endpoints (or, later, two callers) from colliding on the same key.
 */
record IdempotentRequest(String scope, String key, byte[] requestHash) {

    static IdempotentRequest of(CachedBodyRequest request, String key, RequestFingerprints fingerprints) {
        String caller = request.getUserPrincipal() == null
                ? "anonymous"
                : request.getUserPrincipal().getName();
        String scope = caller + " " + request.getMethod() + " " + request.getRequestURI();
        return new IdempotentRequest(scope, key, fingerprints.of(request.body()));
    }
}
