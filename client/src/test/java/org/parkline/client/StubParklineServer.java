package org.parkline.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A canned Parkline on an ephemeral port: answers by method and path, and remembers what it got. */
final class StubParklineServer implements AutoCloseable {

    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A canned answer; {@code delayMillis} before it is sent. */
    record Answer(int status, String contentType, String body, long delayMillis) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubParklineServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with JSON; several calls queue answers for successive requests. */
    StubParklineServer on(String method, String path, int status, String json) {
        return on(method, path, new Answer(status, "application/json", json, 0));
    }

    StubParklineServer onProblem(String method, String path, int status, String problemJson) {
        return on(method, path, new Answer(status, "application/problem+json", problemJson, 0));
    }

    StubParklineServer on(String method, String path, Answer answer) {
        answers.computeIfAbsent(method + " " + path, k -> new CopyOnWriteArrayList<>())
                .add(answer);
        return this;
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(
                exchange.getRequestMethod(),
                query == null ? path : path + "?" + query,
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        List<Answer> queue = answers.get(exchange.getRequestMethod() + " " + path);
        Answer answer = queue == null || queue.isEmpty()
                ? new Answer(404, "application/problem+json", "{\"type\":\"about:blank\",\"status\":404}", 0)
                : queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        try {
            Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up (timeout tests)
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
