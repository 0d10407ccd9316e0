package org.parkline.server.payments;

import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;

/** Money-moving requests must carry a key: the Idempotency-Key header, or else an {@code idempotencyKey} field. */
final class IdempotencyKey {

    private IdempotencyKey() {}

    static String required(@Nullable String header, @Nullable String body, String why) {
        String key = header != null && !header.isBlank() ? header.strip() : body;
        if (key == null || key.isBlank()) {
            throw ApiProblem.invalid(
                    "idempotencyKey: required (body field or Idempotency-Key header) so that a retried " + why);
        }
        return key.strip();
    }
}
