package org.parkline.server.common.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.parkline.server.common.ProblemJson;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency-Key semantics for every state-changing request (DESIGN §5). The request runs inside one
 * transaction that also stores its successful response, so a retry either replays what was committed or finds
 * that nothing happened; it never does the work twice. Failed requests change nothing and are not stored: a
 * retry re-evaluates them.
 */
@Component
// after Spring Security (order -100): the key's scope must name the authenticated caller
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final RequestFingerprints fingerprints;

    IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, RequestFingerprints fingerprints) {
        this.store = store;
        this.transactions = transactions;
        this.fingerprints = fingerprints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean changesState =
                method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
        return !changesState || !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (MultipartDigest.isMultipart(request)) {
            uploaded(request, response, chain);
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        if (cached.tooLarge()) {
            ProblemJson.write(
                    response,
                    request,
                    413,
                    "body-too-large",
                    "Request body too large",
                    "Request bodies of the API are at most 1 MiB");
            return;
        }
        Optional<String> key = IdempotencyKeys.of(cached);
        if (key.isEmpty()) {
            chain.doFilter(cached, response);
            return;
        }
        if (key.get().length() > 200) {
            ProblemJson.write(
                    response,
                    request,
                    400,
                    "validation",
                    "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 200 characters");
            return;
        }
        once(IdempotentRequest.of(cached, key.get(), fingerprints), cached, request, response, chain);
    }

    /** A multipart upload: not buffered here (see MultipartDigest); keyed by the Idempotency-Key header only. */
    private void uploaded(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] hash;
        try {
            hash = MultipartDigest.of(request);
        } catch (IllegalStateException e) {
            if (!MultipartDigest.tooLarge(e)) throw e;
            ProblemJson.write(
                    response,
                    request,
                    413,
                    "upload-too-large",
                    "Upload too large",
                    "The uploaded file is larger than the server accepts; evidence files are at most 5 MiB");
            return;
        } catch (IOException | ServletException e) {
            ProblemJson.write(
                    response,
                    request,
                    400,
                    "malformed-request",
                    "Malformed upload",
                    "The multipart body could not be read; send multipart/form-data with a 'file' part");
            return;
        }
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (header.strip().length() > 200) {
            ProblemJson.write(
                    response,
                    request,
                    400,
                    "validation",
                    "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 200 characters");
            return;
        }
        once(IdempotentRequest.of(request, header.strip(), fingerprints.of(hash)), request, request, response, chain);
    }

    private void once(
            IdempotentRequest idempotent,
            HttpServletRequest forwarded,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Outcome outcome = transactions.execute(tx -> {
            if (!store.tryLock(idempotent)) return Outcome.IN_FLIGHT;
            Optional<StoredResponse> stored = store.find(idempotent);
            if (stored.isPresent()) {
                return stored.get().matches(idempotent) ? Outcome.replay(stored.get()) : Outcome.KEY_REUSED;
            }
            try {
                chain.doFilter(forwarded, captured);
            } catch (IOException | ServletException e) {
                throw new RequestFailed(e);
            }
            if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                // a response carrying a secret (a token, a device key) says no-store: it is never kept for replay
                String cacheControl = captured.getHeader("Cache-Control");
                if (cacheControl == null || !cacheControl.contains("no-store")) {
                    store.save(idempotent, StoredResponse.of(idempotent, captured));
                }
            } else {
                tx.setRollbackOnly();
            }
            return Outcome.EXECUTED;
        });
        switch (outcome.kind()) {
            case EXECUTED -> captured.copyBodyToResponse();
            case REPLAY -> outcome.stored().writeTo(response);
            case IN_FLIGHT ->
                ProblemJson.write(
                        response,
                        request,
                        409,
                        "idempotency-request-in-flight",
                        "Request still in progress",
                        "A request with this Idempotency-Key is still being processed; retry in a moment");
            case KEY_REUSED ->
                ProblemJson.write(
                        response,
                        request,
                        422,
                        "idempotency-key-reused",
                        "Idempotency-Key reused",
                        "This Idempotency-Key was already used with a different request; use a new key for a new request");
        }
    }

    /** Carries a servlet failure out of the transaction callback (which rolls back on it). */
    static final class RequestFailed extends RuntimeException {
        RequestFailed(Exception cause) {
            super(cause);
        }
    }

    record Outcome(Kind kind, StoredResponse stored) {
        enum Kind {
            EXECUTED,
            REPLAY,
            IN_FLIGHT,
            KEY_REUSED
        }

        static final Outcome EXECUTED = new Outcome(Kind.EXECUTED, null);
        static final Outcome IN_FLIGHT = new Outcome(Kind.IN_FLIGHT, null);
        static final Outcome KEY_REUSED = new Outcome(Kind.KEY_REUSED, null);

        static Outcome replay(StoredResponse stored) {
            return new Outcome(Kind.REPLAY, stored);
        }
    }
}
