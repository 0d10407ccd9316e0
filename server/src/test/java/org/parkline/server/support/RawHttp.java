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
    private final HttpClient client;
    private final Map<String, String> headers;

    RawHttp(String base, HttpClient client, Map<String, String> headers) {
        this.base = base;
        this.client = client;
        this.headers = headers;
    }

    /** The same, with no credentials: an anonymous caller. */
    public RawHttp anonymous() {
        return new RawHttp(base, client, Map.of());
    }

    /** The same, signed in with a bearer token. */
    public RawHttp withToken(String token) {
        return new RawHttp(base, client, Map.of("Authorization", "Bearer " + token));
    }

    /** The same, as a device presenting its key. */
    public RawHttp withApiKey(String apiKey) {
        return new RawHttp(base, client, Map.of("X-Api-Key", apiKey));
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

    /** A multipart/form-data POST: text fields and one file part named {@code file} (none when content is null). */
    public Reply upload(
            String path,
            Map<String, String> fields,
            String fileName,
            String contentType,
            byte[] content,
            String idempotencyKey) {
        String boundary = "parkline-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(utf8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        headers.forEach(request::header);
        return exchange(request);
    }

    public Reply send(String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        headers.forEach(request::header);
        return exchange(request);
    }

    private Reply exchange(HttpRequest.Builder request) {
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
