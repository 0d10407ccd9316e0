package org.parkline.server.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The key comes from the Idempotency-Key header, or else from a top-level {@code idempotencyKey} body field. */
final class IdempotencyKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IdempotencyKeys() {}

    static Optional<String> of(CachedBodyRequest request) {
        String header = request.getHeader(IdempotencyFilter.HEADER);
        if (header != null && !header.isBlank()) return Optional.of(header.strip());
        byte[] body = request.body();
        if (body.length == 0 || !new String(body, StandardCharsets.UTF_8).contains("\"idempotencyKey\"")) {
            return Optional.empty();
        }
        try {
            JsonNode key = JSON.readTree(body).path("idempotencyKey");
            return key.isString() && !key.asString().isBlank()
                    ? Optional.of(key.asString().strip())
                    : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty(); // the controller will refuse the body with a clear message
        }
    }
}
