package org.parkline.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP for what a typed client cannot send: malformed bodies, odd headers, exact replays. */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    RawHttp(String base) {
        this.base = base;
    }

    public record Reply(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem type's last path segment, e.g. {@code lot-full}. */
        public String problem() {
            String type = json().path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), java.util.List.of()).stream()
                    .findFirst()
                    .orElse(null);
        }
    }

    public Reply post(String path, String body) {
        return send("POST", path, body, null);
    }

    public Reply post(String path, String body, String idempotencyKey) {
        return send("POST", path, body, idempotencyKey);
    }

    public Reply put(String path, String body) {
        return send("PUT", path, body, null);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply send(String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
