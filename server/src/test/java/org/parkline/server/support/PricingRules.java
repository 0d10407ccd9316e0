package org.parkline.server.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parkline.server.support.RawHttp.Reply;
import tools.jackson.databind.json.JsonMapper;

/** Publishes rule sets over HTTP the way an operator's console would. */
public final class PricingRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RawHttp http;

    public PricingRules(RawHttp http) {
        this.http = http;
    }

    /** Publishes a document (JSON text) effective now, or at {@code effectiveFrom} when not null. */
    public Reply publish(String lotId, String document, Instant effectiveFrom) {
        return http.post("/v1/pricingRules/publish", body(lotId, document, effectiveFrom));
    }

    public Reply publish(String lotId, String document) {
        return publish(lotId, document, null);
    }

    /** Publishes and insists that it worked; returns the new version number. */
    public int published(String lotId, String document, Instant effectiveFrom) {
        Reply reply = publish(lotId, document, effectiveFrom);
        if (reply.status() != 201) throw new AssertionError("publish refused: " + reply.status() + " " + reply.body());
        return reply.json().path("version").asInt();
    }

    public static String body(String lotId, String document, Instant effectiveFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lotId", lotId);
        body.put("document", JSON.readTree(document));
        if (effectiveFrom != null) body.put("effectiveFrom", effectiveFrom.toString());
        return JSON.writeValueAsString(body);
    }

    /** An hourly tariff in SGD: {@code rate} per started hour, nothing else. */
    public static String hourly(String rate) {
        return """
                {"currency":"SGD","rules":[{"id":"hourly","kind":"HOURLY","rate":"%s"}]}"""
                .formatted(rate);
    }
}
