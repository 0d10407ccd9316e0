package org.parkline.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lot's edge controller as a separate JVM (so a test can kill it with SIGKILL), started from this test's own
 * classpath with a properties file; driven through its simulated lanes on 127.0.0.1.
 */
public final class EdgeProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private EdgeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static EdgeProcess start(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.parkline.edge.EdgeMain",
                        config.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("EDGE READY "))
                        return Integer.parseInt(line.substring(11).strip());
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        int port;
        try {
            port = ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("edge did not start; see " + log + ": " + Files.readString(log), e);
        }
        if (port <= 0) throw new IllegalStateException("edge exited; see " + log + ": " + Files.readString(log));
        Thread.ofVirtual().start(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return new EdgeProcess(process, port);
    }

    public JsonNode enter(String gateId, String vehicleType, String plate) {
        return post(
                "/sim/entry",
                JSON.createObjectNode()
                        .put("gateId", gateId)
                        .put("vehicleType", vehicleType)
                        .put("plate", plate));
    }

    public JsonNode exit(String gateId, String barcode, String payment) {
        return post(
                "/sim/exit",
                JSON.createObjectNode()
                        .put("gateId", gateId)
                        .put("barcode", barcode)
                        .put("payment", payment));
    }

    public JsonNode paymentProvider(boolean reachable) {
        return post("/sim/psp", JSON.createObjectNode().put("reachable", reachable));
    }

    public JsonNode status() {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                .GET());
    }

    /** SIGKILL: no shutdown hook, no flush; whatever the journal had not committed is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    private JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> reply =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) throw new IllegalStateException("edge answered " + reply.body());
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) kill9();
        }
    }
}
