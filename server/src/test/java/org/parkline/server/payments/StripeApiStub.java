package org.parkline.server.payments;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the parts of the Stripe API the adapter calls: PaymentIntents (create+confirm with manual
 * capture, retrieve, capture, cancel, list, search by metadata) and refunds. Like Stripe it replays a request with
 * a known Idempotency-Key (same answer, {@code Idempotent-Replayed: true}) and refuses the key with other
 * parameters. Test payment methods as Stripe's: {@code pm_card_visa} authorizes, {@code pm_card_chargeDeclined}
 * is declined with a 402 card_error.
 */
final class StripeApiStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/(pi_[A-Za-z0-9]+)(/capture|/cancel)?");

    record Stored(String fingerprint, int status, String body) {}

    private final HttpServer server;
    private final Map<String, Map<String, Object>> intents = new ConcurrentHashMap<>();
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger captured = new AtomicInteger();
    final AtomicInteger refunded = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final List<String> idempotencyKeysSeen = java.util.Collections.synchronizedList(new ArrayList<>());

    StripeApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = form(method.equals("GET") ? query : body);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Stored answer;
        if (method.equals("POST") && key != null) {
            idempotencyKeysSeen.add(key);
            String fingerprint = path + "?" + new java.util.TreeMap<>(params);
            Stored earlier = byKey.get(key);
            if (earlier != null && earlier.fingerprint().equals(fingerprint)) {
                replayed.incrementAndGet();
                exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
                answer = earlier;
            } else if (earlier != null) {
                answer = error(
                        400,
                        "idempotency_error",
                        null,
                        "Keys for idempotent requests can only be used with the same parameters");
            } else {
                answer = route(method, path, params);
                byKey.put(key, new Stored(fingerprint, answer.status(), answer.body()));
            }
        } else {
            answer = route(method, path, params);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + ids.incrementAndGet());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Stored route(String method, String path, Map<String, String> params) {
        if (method.equals("POST") && path.equals("/v1/payment_intents")) return create(params);
        if (method.equals("GET") && path.equals("/v1/payment_intents")) return list(params);
        if (method.equals("GET") && path.equals("/v1/payment_intents/search")) return search(params);
        if (method.equals("POST") && path.equals("/v1/refunds")) return refund(params);
        Matcher m = INTENT.matcher(path);
        if (m.matches()) {
            Map<String, Object> intent = intents.get(m.group(1));
            if (intent == null)
                return error(404, "invalid_request_error", "resource_missing", "No such payment_intent");
            String action = m.group(2);
            if (action == null) return ok(intent);
            if (action.equals("/capture")) {
                if (!intent.get("status").equals("requires_capture")) {
                    return error(400, "invalid_request_error", "payment_intent_unexpected_state", "not capturable");
                }
                intent.put("status", "succeeded");
                intent.put(
                        "amount_received",
                        Long.parseLong(params.getOrDefault("amount_to_capture", String.valueOf(intent.get("amount")))));
                captured.incrementAndGet();
                return ok(intent);
            }
            if (!intent.get("status").equals("requires_capture")) {
                return error(400, "invalid_request_error", "payment_intent_unexpected_state", "not cancelable");
            }
            intent.put("status", "canceled");
            return ok(intent);
        }
        return error(404, "invalid_request_error", "resource_missing", "Unrecognized request URL " + path);
    }

    private Stored create(Map<String, String> params) {
        created.incrementAndGet();
        String id = "pi_" + ids.incrementAndGet();
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("amount", Long.parseLong(params.get("amount")));
        intent.put("amount_received", 0);
        intent.put("currency", params.get("currency"));
        intent.put("capture_method", params.get("capture_method"));
        intent.put("created", System.currentTimeMillis() / 1000);
        intent.put("payment_method", params.get("payment_method"));
        Map<String, String> metadata = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("metadata[")) metadata.put(k.substring(9, k.length() - 1), v);
        });
        intent.put("metadata", metadata);
        intent.put("livemode", false);
        intents.put(id, intent);
        if ("pm_card_chargeDeclined".equals(params.get("payment_method"))) {
            intent.put("status", "requires_payment_method");
            intent.put(
                    "last_payment_error",
                    Map.of("type", "card_error", "code", "card_declined", "decline_code", "generic_decline"));
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "card_error");
            error.put("code", "card_declined");
            error.put("decline_code", "generic_decline");
            error.put("message", "Your card was declined.");
            error.put("payment_intent", intent);
            return new Stored("", 402, JSON.writeValueAsString(Map.of("error", error)));
        }
        intent.put("status", "requires_capture");
        return ok(intent);
    }

    private Stored list(Map<String, String> params) {
        long gte = Long.parseLong(params.getOrDefault("created[gte]", "0"));
        long lt = Long.parseLong(params.getOrDefault("created[lt]", String.valueOf(Long.MAX_VALUE)));
        List<Object> data = intents.values().stream()
                .filter(i ->
                        ((Number) i.get("created")).longValue() >= gte && ((Number) i.get("created")).longValue() < lt)
                .map(i -> (Object) i)
                .toList();
        return ok(Map.of("object", "list", "data", data, "has_more", false, "url", "/v1/payment_intents"));
    }

    private Stored search(Map<String, String> params) {
        Matcher m = Pattern.compile("metadata\\['([^']+)'\\]:'(.*)'").matcher(params.getOrDefault("query", ""));
        List<Object> data = !m.matches()
                ? List.of()
                : intents.values().stream()
                        .filter(i -> m.group(2).equals(((Map<?, ?>) i.get("metadata")).get(m.group(1))))
                        .map(i -> (Object) i)
                        .toList();
        return ok(Map.of(
                "object", "search_result", "data", data, "has_more", false, "url", "/v1/payment_intents/search"));
    }

    private Stored refund(Map<String, String> params) {
        Map<String, Object> intent = intents.get(params.get("payment_intent"));
        if (intent == null || !intent.get("status").equals("succeeded")) {
            return error(400, "invalid_request_error", "charge_not_captured", "nothing captured to refund");
        }
        refunded.incrementAndGet();
        return ok(Map.of(
                "id",
                "re_" + ids.incrementAndGet(),
                "object",
                "refund",
                "amount",
                Long.parseLong(params.get("amount")),
                "currency",
                intent.get("currency"),
                "payment_intent",
                intent.get("id"),
                "status",
                "succeeded"));
    }

    private static Stored ok(Object body) {
        return new Stored("", 200, JSON.writeValueAsString(body));
    }

    private static Stored error(int status, String type, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) error.put("code", code);
        error.put("message", message);
        return new Stored("", status, JSON.writeValueAsString(Map.of("error", error)));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) return params;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }
}
