package org.parkline.server.common;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A state change worth recording: published by the capability that made it, inside its transaction, and appended
 * to the audit log by the audit capability (who and which request come from the request context, not from here).
 *
 * @param action what happened, {@code capability.verb}: {@code ticket.created}, {@code spot.updated},
 *     {@code payment.captured}, {@code pricing.published}, ...
 * @param subjectType the kind of thing changed: {@code ticket}, {@code spot}, {@code payment}, ...
 * @param subjectId its id
 * @param lotId the lot it belongs to, when it belongs to one (the audit chain is per lot)
 * @param before its state before, as simple values (never a plate, token or card data), or null when new
 * @param after its state after, likewise, or null when removed
 */
public record Audited(
        String action,
        String subjectType,
        String subjectId,
        @Nullable String lotId,
        @Nullable Map<String, Object> before,
        @Nullable Map<String, Object> after) {}
