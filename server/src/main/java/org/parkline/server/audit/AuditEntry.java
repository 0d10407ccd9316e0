package org.parkline.server.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One recorded change. */
public record AuditEntry(
        long id,
        Instant at,
        String actorKind,
        String actorId,
        @Nullable String requestId,
        String action,
        String subjectType,
        String subjectId,
        @Nullable String lotId,
        @Nullable Map<String, Object> before,
        @Nullable Map<String, Object> after) {}
