package org.parkline.server.common.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored responses, keyed by (scope, key); the transaction-scoped advisory lock detects a request in flight. */
@Repository
class IdempotencyStore {

    private final JdbcClient jdbc;
    private final Counter replays;

    IdempotencyStore(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.replays = Counter.builder("parkline.idempotency.replays")
                .description("Requests answered from a stored response")
                .register(meters);
    }

    /** False when another transaction holds the same key right now: the first request is still running. */
    boolean tryLock(IdempotentRequest request) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:lock, 7))")
                .param("lock", request.scope() + "\n" + request.key())
                .query(Boolean.class)
                .single();
    }

    Optional<StoredResponse> find(IdempotentRequest request) {
        Optional<StoredResponse> stored = jdbc.sql(
                        """
                        select request_hash, response_status, content_type, location, response_body
                          from idempotency_record where scope = :scope and key = :key
                        """)
                .param("scope", request.scope())
                .param("key", request.key())
                .query((rs, n) -> new StoredResponse(
                        rs.getBytes(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .optional();
        stored.filter(s -> s.matches(request)).ifPresent(s -> replays.increment());
        return stored;
    }

    void save(IdempotentRequest request, StoredResponse response) {
        jdbc.sql(
                        """
                        insert into idempotency_record
                            (scope, key, request_hash, response_status, content_type, location, response_body)
                        values (:scope, :key, :hash, :status, :contentType, :location, :body)
                        """)
                .param("scope", request.scope())
                .param("key", request.key())
                .param("hash", request.requestHash())
                .param("status", response.status())
                .param("contentType", response.contentType())
                .param("location", response.location())
                .param("body", response.body())
                .update();
    }
}
