package org.parkline.edge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.parkline.client.GateDirection;
import org.parkline.client.LotLayout;
import org.parkline.client.LotMode;
import org.parkline.client.ParklineClient;
import org.parkline.client.SpotType;
import org.parkline.client.VehicleType;
import org.parkline.edge.Decision;
import org.parkline.edge.EdgeConfig;
import org.parkline.edge.EdgeController;
import org.parkline.edge.GateController;
import org.parkline.edge.sim.CutProxy;

/**
 * Many gates through one edge controller against a running central server: decision latency (entry: ticket issue
 * and allocation; exit: pricing and payment; both with the journal's synced commit, simulated devices so no
 * hardware time) online and offline, then the replay throughput once central is reachable again.
 *
 * <pre>
 * java -cp ... org.parkline.edge.bench.EdgeBench --url http://localhost:8080 --gates 8 --cars 200
 * </pre>
 */
public final class EdgeBench {

    private EdgeBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = o.getOrDefault("--url", "http://localhost:8080");
        int gates = Integer.parseInt(o.getOrDefault("--gates", "8"));
        int cars = Integer.parseInt(o.getOrDefault("--cars", "200")); // per gate and phase
        ParklineClient admin = ParklineClient.builder(url).build();
        String token = admin.signIn(o.getOrDefault("--user", "admin"), o.getOrDefault("--password", "admin-demo-pass"))
                .token();
        admin = ParklineClient.builder(url).bearerToken(token).build();
        String lotId = "EDGE_" + (System.currentTimeMillis() / 1000);
        int perZone = gates * cars * 2 / 3 + 10; // room for both phases' parked cars
        List<LotLayout.GateLayout> layout = new ArrayList<>();
        for (int g = 1; g <= gates; g++) {
            layout.add(new LotLayout.GateLayout(lotId + "_E" + g, GateDirection.ENTRY, "F1", "A"));
            layout.add(new LotLayout.GateLayout(lotId + "_X" + g, GateDirection.EXIT, "F1", "A"));
        }
        admin.createLot(
                new LotLayout(
                        lotId,
                        "Edge benchmark " + lotId,
                        null,
                        "Asia/Singapore",
                        "SGD",
                        LotMode.SPOT,
                        lotId,
                        List.of(new LotLayout.FloorLayout(
                                "F1",
                                "Level 1",
                                1,
                                List.of(
                                        new LotLayout.ZoneLayout("A", "A", Map.of(SpotType.COMPACT, perZone)),
                                        new LotLayout.ZoneLayout("B", "B", Map.of(SpotType.COMPACT, perZone)),
                                        new LotLayout.ZoneLayout("C", "C", Map.of(SpotType.COMPACT, perZone))))),
                        layout,
                        null),
                "bench-" + lotId);
        Path dir = Files.createTempDirectory("edge-bench");
        try (CutProxy proxy =
                new CutProxy(URI.create(url).getHost(), URI.create(url).getPort())) {
            Properties p = new Properties();
            p.setProperty("lot.id", lotId);
            p.setProperty("central.url", "http://127.0.0.1:" + proxy.port());
            p.setProperty("central.timeout", "PT5S");
            List<String> ids = layout.stream().map(LotLayout.GateLayout::gateId).toList();
            p.setProperty("gates", String.join(",", ids));
            for (LotLayout.GateLayout gate : layout) {
                p.setProperty(
                        "gate." + gate.gateId() + ".direction", gate.direction().name());
                p.setProperty("gate." + gate.gateId() + ".apiKey", deviceKey(url, token, lotId, gate.gateId()));
            }
            p.setProperty("lot.apiKey", deviceKey(url, token, lotId, null));
            p.setProperty("quota.CAR", Integer.toString(cars));
            p.setProperty("quota.exhausted", "ADMIT_UNGUARANTEED");
            p.setProperty("journal.path", dir.resolve("journal.db").toString());
            p.setProperty("sync.interval", "PT0.2S");
            try (EdgeController edge = new EdgeController(EdgeConfig.from(p)).start()) {
                System.out.printf(
                        "lot %s: %d entry + %d exit gates, %d cars per gate and phase%n", lotId, gates, gates, cars);
                phase(edge, gates, lotId, cars, "online");
                proxy.cut();
                phase(edge, gates, lotId, cars, "offline");
                long pending = edge.journal().pendingCount();
                long start = System.nanoTime();
                proxy.restore();
                while (!edge.central().online() || edge.journal().pendingCount() > 0) Thread.sleep(2);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "replay: %d offline events in %.2f s (from restoring the link, incl. up to 0.2 s to notice) = %.0f events/s%n",
                        pending, seconds, pending / seconds);
            }
        }
    }

    /** Every gate's lane in its own thread: entries, then exits of the cars that entered, cash. */
    private static void phase(EdgeController edge, int gates, String lotId, int cars, String name) throws Exception {
        Recorder entries = new Recorder(3);
        Recorder exits = new Recorder(3);
        ConcurrentLinkedQueue<Decision> refused = new ConcurrentLinkedQueue<>();
        GateController controller = edge.gates();
        try (ExecutorService lanes = Executors.newFixedThreadPool(gates)) {
            List<Future<List<String>>> admitted = new ArrayList<>();
            long start = System.nanoTime();
            for (int g = 1; g <= gates; g++) {
                String gate = lotId + "_E" + g;
                admitted.add(lanes.submit(() -> {
                    List<String> tickets = new ArrayList<>();
                    for (int c = 0; c < cars; c++) {
                        long t0 = System.nanoTime();
                        Decision d = controller.enter(gate, VehicleType.CAR, null);
                        entries.recordValue((System.nanoTime() - t0) / 1000);
                        if (d.opened()) tickets.add(d.ticketRef());
                        else refused.add(d);
                    }
                    return tickets;
                }));
            }
            List<List<String>> tickets = new ArrayList<>();
            for (Future<List<String>> f : admitted) tickets.add(f.get());
            double entrySeconds = (System.nanoTime() - start) / 1e9;
            List<Future<?>> leaving = new ArrayList<>();
            start = System.nanoTime();
            for (int g = 1; g <= gates; g++) {
                String gate = lotId + "_X" + g;
                List<String> mine = tickets.get(g - 1);
                leaving.add(lanes.submit(() -> {
                    for (String ticket : mine.subList(0, mine.size() / 2)) {
                        long t0 = System.nanoTime();
                        Decision d = controller.exit(gate, ticket, null, GateController.PaymentChoice.CASH);
                        exits.recordValue((System.nanoTime() - t0) / 1000);
                        if (!d.opened()) refused.add(d);
                    }
                }));
            }
            for (Future<?> f : leaving) f.get();
            double exitSeconds = (System.nanoTime() - start) / 1e9;
            print(name + " entry", entries.getIntervalHistogram(), entrySeconds);
            print(name + " exit ", exits.getIntervalHistogram(), exitSeconds);
            if (!refused.isEmpty()) {
                System.out.printf(
                        "  %s: %d refused, e.g. %s%n",
                        name, refused.size(), refused.peek().message());
            }
        }
    }

    private static void print(String what, Histogram h, double seconds) {
        System.out.printf(
                "%s: n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms  (%.0f decisions/s)%n",
                what,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                h.getTotalCount() / seconds);
    }

    private static String deviceKey(String url, String token, String lotId, String gateId) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/v1/lots/" + lotId + "/device-keys"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "bench-key-" + lotId + "-" + gateId)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        gateId == null // the controller's lot-wide key
                                                ? "{\"kind\":\"GATE\",\"label\":\"bench controller\"}"
                                                : "{\"kind\":\"GATE\",\"gateId\":\"" + gateId
                                                        + "\",\"label\":\"bench\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) throw new IllegalStateException("device key: " + reply.body());
        int at = reply.body().indexOf("\"apiKey\":\"") + 10;
        return reply.body().substring(at, reply.body().indexOf('"', at));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i], args[i + 1]);
        return o;
    }
}
