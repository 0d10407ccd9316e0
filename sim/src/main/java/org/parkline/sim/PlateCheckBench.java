package org.parkline.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.parkline.client.ParklineClient;
import org.parkline.client.ParklineClientException;

/**
 * Plate checks per second: an officer's (or a plate reader's) {@code GET /v1/enforcement/check} against a lot where
 * half the plates hold a permit. Prints throughput and p50/p95/p99, then checks that every answer was right (permit
 * holders VALID, the others NOT_VALID), that a permit bought during the run is VALID on the very next check, and,
 * with {@code --db}, that checking changed nothing and stored no plate in the clear.
 *
 * <pre>
 * PlateCheckBench [--url http://localhost:8080] [--db JDBC_URL] [--threads 16] [--checks 20000] [--plates 2000]
 *                 [--user admin --password admin-demo-pass]
 * </pre>
 *
 * <p>Exit code 0 when every check passed, 1 when one failed, 2 on bad arguments, 3 when the run could not start.
 */
public final class PlateCheckBench {

    private static final Pattern PERMIT_ID = Pattern.compile("\"permitId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE_ID = Pattern.compile("\"typeId\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, String> options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private String url;
    private String token;

    PlateCheckBench(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("unexpected argument " + args[i]);
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) {
            System.err.println("every option takes a value; see the class comment");
            System.exit(2);
        }
        System.exit(new PlateCheckBench(options, System.out).run());
    }

    int run() {
        url = options.getOrDefault("--url", "http://localhost:8080");
        int threads = Integer.parseInt(options.getOrDefault("--threads", "16"));
        int checks = Integer.parseInt(options.getOrDefault("--checks", "20000"));
        int plateCount = Integer.parseInt(options.getOrDefault("--plates", "2000"));
        String db = options.get("--db");
        String lotId = "CHECK_" + Instant.now().getEpochSecond() % 1_000_000;
        out.printf(
                Locale.ROOT,
                "Plate checks against %s: lot %s, %d plates (half with a permit), %d checks from %d threads%n",
                url,
                lotId,
                plateCount,
                checks,
                threads);
        ParklineClient client;
        try {
            token = ParklineClient.builder(url)
                    .build()
                    .signIn(
                            options.getOrDefault("--user", "admin"),
                            options.getOrDefault("--password", "admin-demo-pass"))
                    .token();
            client = ParklineClient.builder(url)
                    .timeout(Duration.ofSeconds(60))
                    .bearerToken(token)
                    .build();
            client.createLot(StadiumLayout.of(lotId, 200, 1, null), "create-" + lotId);
        } catch (ParklineClientException e) {
            out.println("could not start: " + e.getMessage());
            return 3;
        }
        String typeId = extract(
                TYPE_ID,
                send(
                                "POST",
                                "/v1/permit-types",
                                """
                        {"name":"Residents","category":"RESIDENT","lotIds":["%s"],"price":0,"validity":"P1Y",
                         "maxVehicles":1,"refundPolicy":"NONE"}"""
                                        .formatted(lotId),
                                "type-" + lotId)
                        .body());
        List<String> plates = new ArrayList<>();
        for (int i = 0; i < plateCount; i++) plates.add("BK" + lotId.substring(lotId.length() - 4) + "X" + i);
        Instant setupStart = Instant.now();
        for (int i = 0; i < plateCount; i += 2) {
            var bought = send(
                    "POST",
                    "/v1/permits",
                    """
                    {"typeId":"%s","holder":"bench-%d","plates":["%s"]}"""
                            .formatted(typeId, i, plates.get(i)),
                    "buy-" + lotId + "-" + i);
            if (bought.statusCode() != 201) {
                out.println("could not buy a permit: " + bought.statusCode() + " " + bought.body());
                return 3;
            }
        }
        out.printf(
                Locale.ROOT,
                "set up %d permits in %.1f s%n",
                (plateCount + 1) / 2,
                Duration.between(setupStart, Instant.now()).toMillis() / 1000.0);

        Histogram latency = new ConcurrentHistogram(3);
        LongAdder valid = new LongAdder();
        LongAdder wrong = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        Instant start = Instant.now();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                long seed = t;
                pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    while (next.getAndIncrement() < checks) {
                        int i = random.nextInt(plateCount);
                        long began = System.nanoTime();
                        HttpResponse<String> reply;
                        try {
                            reply = check(plates.get(i), lotId);
                        } catch (RuntimeException e) {
                            failed.increment();
                            continue;
                        }
                        latency.recordValue(Math.max(1, (System.nanoTime() - began) / 1_000));
                        if (reply.statusCode() != 200) {
                            failed.increment();
                            continue;
                        }
                        boolean saysValid = reply.body().contains("\"verdict\":\"VALID\"");
                        if (saysValid) valid.increment();
                        if (saysValid != (i % 2 == 0)) wrong.increment();
                    }
                });
            }
        }
        Duration took = Duration.between(start, Instant.now());
        out.printf(
                Locale.ROOT,
                "%n%d checks in %.1f s = %.0f checks/s; latency p50 %.2f p95 %.2f p99 %.2f max %.2f ms%n",
                latency.getTotalCount(),
                took.toMillis() / 1000.0,
                latency.getTotalCount() / Math.max(0.001, took.toMillis() / 1000.0),
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(95) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
        out.printf(
                Locale.ROOT,
                "VALID answers: %d, NOT_VALID: %d%n%n",
                valid.sum(),
                latency.getTotalCount() - valid.sum());

        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.of("every check was answered 200", failed.sum() == 0, failed.sum() + " failed"));
        results.add(CheckResult.of(
                "every answer was right (permit holders VALID, others NOT_VALID)",
                wrong.sum() == 0,
                wrong.sum() + " wrong"));
        String fresh = "BK" + lotId.substring(lotId.length() - 4) + "NEW";
        boolean before = check(fresh, lotId).body().contains("\"verdict\":\"NOT_VALID\"");
        var bought = send(
                "POST",
                "/v1/permits",
                """
                {"typeId":"%s","holder":"bench-new","plates":["%s"]}""".formatted(typeId, fresh),
                "buy-new-" + lotId);
        boolean after = check(fresh, lotId).body().contains("\"verdict\":\"VALID\"");
        results.add(CheckResult.of(
                "a permit bought now is VALID on the very next check",
                before && after && bought.statusCode() == 201,
                "before " + (before ? "NOT_VALID" : "?") + ", after " + (after ? "VALID" : "NOT VALID") + " ("
                        + extract(PERMIT_ID, bought.body()) + ")"));
        if (db != null) {
            try {
                results.addAll(databaseChecks(db, lotId, plates.getFirst()));
            } catch (SQLException e) {
                results.add(CheckResult.of("database readable", false, e.getMessage()));
            }
        }
        out.print(BurstReport.checks(results));
        boolean passed = results.stream().allMatch(CheckResult::passed);
        out.println((passed ? "ALL CHECKS PASSED" : "CHECKS FAILED")
                + (db == null ? " (database checks skipped: no --db)" : ""));
        return passed ? 0 : 1;
    }

    private List<CheckResult> databaseChecks(String jdbcUrl, String lotId, String samplePlate) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            long reads = count(db, "select count(*) from lpr_read where lot_id = ?", lotId);
            long citations = count(db, "select count(*) from citation where lot_id = ?", lotId);
            long clear = count(
                    db,
                    "select count(*) from permit_vehicle where position(convert_to(?, 'UTF8') in plate_cipher) > 0"
                            + " or position(convert_to(?, 'UTF8') in plate_hmac) > 0",
                    samplePlate,
                    samplePlate);
            return List.of(
                    CheckResult.of(
                            "checking changed nothing (no reads, no citations)",
                            reads + citations == 0,
                            reads + " reads, " + citations + " citations"),
                    CheckResult.of("no permit row holds a plate in the clear", clear == 0, clear + " rows"));
        }
    }

    private static long count(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) query.setString(i + 1, params[i]);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private HttpResponse<String> check(String plate, String lotId) {
        return send("GET", "/v1/enforcement/check?plate=" + plate + "&lotId=" + lotId, null, null);
    }

    private HttpResponse<String> send(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) request.header("Idempotency-Key", key);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String extract(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "?";
    }
}
