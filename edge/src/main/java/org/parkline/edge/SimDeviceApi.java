package org.parkline.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.parkline.client.VehicleType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated vehicles' side of the lanes, over HTTP on 127.0.0.1 (never exposed): a test, the demo or the
 * benchmark in another process drives cars through the gates and reads the controller's state.
 *
 * <pre>
 * POST /sim/entry  {"gateId":"E1","vehicleType":"CAR","plate":"SGP1A"}      -> the decision
 * POST /sim/exit   {"gateId":"X1","barcode":"...","payment":"CASH|CARD|NONE"} -> the decision
 * POST /sim/psp    {"reachable":false}                                        -> card provider up or down
 * GET  /status                                                                -> mode, offline time, journal
 * </pre>
 */
public final class SimDeviceApi implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EdgeController edge;
    private final HttpServer server;

    public SimDeviceApi(EdgeController edge, int port) throws IOException {
        this.edge = edge;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/sim/entry", ex -> handle(ex, this::entry));
        server.createContext("/sim/exit", ex -> handle(ex, this::exit));
        server.createContext("/sim/psp", ex -> handle(ex, this::psp));
        server.createContext("/status", ex -> handle(ex, body -> status()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private Object entry(JsonNode body) {
        return edge.gates()
                .enter(
                        body.path("gateId").asString(),
                        VehicleType.valueOf(body.path("vehicleType").asString("CAR")),
                        body.hasNonNull("plate") ? body.get("plate").asString() : null);
    }

    private Object exit(JsonNode body) {
        return edge.gates()
                .exit(
                        body.path("gateId").asString(),
                        body.path("barcode").asString(),
                        body.hasNonNull("plate") ? body.get("plate").asString() : null,
                        GateController.PaymentChoice.valueOf(
                                body.path("payment").asString("CASH")));
    }

    private Object psp(JsonNode body) {
        boolean reachable = body.path("reachable").asBoolean(true);
        edge.config().gates().forEach(g -> edge.lane(g.gateId()).paymentProviderReachable(reachable));
        return status();
    }

    private Object status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("lotId", edge.config().lotId());
        status.put("online", edge.central().online());
        status.put("offlineSeconds", edge.central().offlineTotal().toSeconds());
        status.put("outages", edge.central().outages());
        status.put("pendingEvents", edge.journal().pendingCount());
        status.put("paymentProviderReachable", edge.supervisor().paymentProviderReachable());
        Map<String, Object> lanes = new LinkedHashMap<>();
        for (EdgeConfig.GateConfig gate : edge.config().gates()) {
            Map<String, Object> lane = new LinkedHashMap<>();
            lane.put("openings", edge.lane(gate.gateId()).openings());
            lane.put("display", edge.lane(gate.gateId()).message());
            lane.put("barrier", edge.lane(gate.gateId()).state().name());
            if (gate.direction() == EdgeConfig.Direction.ENTRY) {
                Map<String, Integer> quota = new LinkedHashMap<>();
                edge.config()
                        .quota()
                        .keySet()
                        .forEach(t -> quota.put(t.name(), edge.journal().quotaLeft(gate.gateId(), t.name())));
                lane.put("quotaLeft", quota);
            }
            lanes.put(gate.gateId(), lane);
        }
        status.put("lanes", lanes);
        return status;
    }

    private interface Handler {
        Object handle(JsonNode body) throws Exception;
    }

    private static void handle(HttpExchange exchange, Handler handler) throws IOException {
        int status = 200;
        byte[] reply;
        try {
            byte[] in = exchange.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            reply = JSON.writeValueAsBytes(handler.handle(body));
        } catch (Exception e) {
            status = 500;
            reply = JSON.writeValueAsBytes(Map.of("error", String.valueOf(e)));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
