package org.parkline.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one API call, retrying only where a retry is safe: a GET, or a state-changing call that
 * carries an idempotency key, which is sent unchanged on every attempt.
 */
final class ApiTransport {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IN_FLIGHT = "idempotency-request-in-flight";

    private final String baseUrl;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;
    private final Map<String, String> fixedHeaders;
    private final int maxRetries;
    private final Duration retryBackoff;

    ApiTransport(
            URI baseUri,
            HttpClient http,
            JsonMapper json,
            Duration timeout,
            Map<String, String> fixedHeaders,
            int maxRetries,
            Duration retryBackoff) {
        String url = baseUri.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.fixedHeaders = Map.copyOf(fixedHeaders);
        this.maxRetries = maxRetries;
        this.retryBackoff = retryBackoff;
    }

    JsonMapper json() {
        return json;
    }

    <T> T get(String pathAndQuery, JavaType responseType) {
        return send("GET", pathAndQuery, null, null, responseType);
    }

    <T> T send(String method, String pathAndQuery, Object body, String idempotencyKey, JavaType responseType) {
        HttpRequest request = request(method, pathAndQuery, body, idempotencyKey);
        for (int attempt = 0; ; attempt++) {
            try {
                return exchange(request, responseType);
            } catch (ParklineTimeoutException | ParklineTransportException e) {
                if (attempt >= maxRetries) {
                    throw e;
                }
            } catch (ParklineApiException e) {
                if (attempt >= maxRetries || !e.is(IN_FLIGHT)) {
                    throw e;
                }
            }
            pause(retryBackoff.multipliedBy(attempt + 1L));
        }
    }

    private HttpRequest request(String method, String pathAndQuery, Object body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        fixedHeaders.forEach(builder::header);
        if (idempotencyKey != null) {
            builder.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        byte[] bytes = json.writeValueAsBytes(body);
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private <T> T exchange(HttpRequest request, JavaType responseType) {
        String what = request.method() + " " + request.uri().getRawPath();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ParklineTimeoutException(what + " timed out after " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ParklineTransportException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParklineClientException(what + " interrupted", e);
        }
        if (response.statusCode() >= 400) {
            throw problem(response);
        }
        try {
            return json.readValue(response.body(), responseType);
        } catch (JacksonException e) {
            throw new ParklineClientException(
                    what + " answered " + response.statusCode() + " with a body the client cannot read", e);
        }
    }

    private ParklineApiException problem(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        Map<String, Object> members = new LinkedHashMap<>();
        try {
            members.putAll(json.readValue(
                    response.body(),
                    json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class)));
        } catch (JacksonException | IllegalArgumentException e) {
            // Not a problem document (a proxy's HTML page, an empty body): keep the status.
        }
        String type = text(members.remove("type"), "about:blank");
        String title = text(members.remove("title"), "HTTP " + status);
        String detail = text(members.remove("detail"), null);
        String instance = text(members.remove("instance"), response.uri().getRawPath());
        members.remove("status");
        return new ParklineApiException(status, type, title, detail, instance, members);
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s ? s : fallback;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParklineClientException("interrupted while waiting to retry", e);
        }
    }
}
