package org.parkline.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stadium-burst run does, parsed from the command line. {@code --quick} starts from a small
 * preset (8 gates, 500 spots, 600 cars, so about 100 are refused); flags given explicitly win.
 *
 * @param url the server's base URL
 * @param db a JDBC URL of the server's database for the invariant checks, or {@code null} to skip them
 * @param gates entry gates and exit gates (each), and the number of concurrent requests
 * @param spots spots in the lot
 * @param cars entries attempted
 * @param retryShare share of admitted entries a gate sends again with the same key
 * @param timeout the client's timeout per request
 * @param lotId the lot to create, {@code null} for {@code BURST_<epoch seconds>}
 * @param seed seeds the vehicle mix and the choice of retried entries
 * @param tariff {@code event} (every stay pays, so the payment path is measured) or {@code server}
 *     (the server's default tariff, whose free minutes make a burst's stays free)
 * @param user the account the run signs in with (gates act as it), by default the demo administrator
 * @param password its password
 * @param gateCycle the least time between two vehicles at one gate (a barrier's cycle), or zero for a
 *     closed loop where each gate sends its next vehicle the moment it has an answer (saturation)
 */
record BurstOptions(
        String url,
        String db,
        int gates,
        int spots,
        int cars,
        double retryShare,
        Duration timeout,
        String lotId,
        long seed,
        String tariff,
        String user,
        String password,
        Duration gateCycle) {

    static final String USAGE =
            """
            usage: StadiumBurst [--quick] [--url URL] [--db JDBC_URL] [--gates N] [--spots N] [--cars N]
                                [--retry-share 0.05] [--timeout-ms 10000] [--lot LOT_ID] [--seed N]
                                [--tariff event|server] [--gate-cycle-ms 0] [--user admin --password ...]
              --quick        small smoke preset: 8 gates, 500 spots, 600 cars
              --url          Parkline server base URL (default http://localhost:8080)
              --db           JDBC URL of the server's database; without it the invariants are skipped
              --gates        entry gates and exit gates, each; also the concurrency cap (default 64)
              --spots        spots in the lot created for the run (default 20000)
              --cars         entries attempted (default 20000)
              --retry-share  share of admitted entries re-sent with the same Idempotency-Key (default 0.05)
              --timeout-ms   client timeout per request (default 10000)
              --lot          lot id to create (default BURST_<epoch seconds>)
              --seed         seed of the vehicle mix (default 42)
              --tariff       event: every stay pays 2.50 SGD an hour from the first minute (default);
                             server: the server's default tariff (its free minutes make burst stays free)
              --user, --password  account to sign in with (default: the demo admin)
              --gate-cycle-ms  least time between two vehicles at one gate, like a barrier's cycle
                             (default 0: each gate sends the next vehicle at once, measuring saturation)
            """;

    static final BurstOptions FULL = new BurstOptions(
            "http://localhost:8080",
            null,
            64,
            20_000,
            20_000,
            0.05,
            Duration.ofSeconds(10),
            null,
            42,
            "event",
            "admin",
            "admin-demo-pass",
            Duration.ZERO);

    static final BurstOptions QUICK = FULL.withSize(8, 500, 600);

    private static final Set<String> FLAGS = Set.of(
            "--url",
            "--db",
            "--gates",
            "--spots",
            "--cars",
            "--retry-share",
            "--timeout-ms",
            "--lot",
            "--seed",
            "--tariff",
            "--gate-cycle-ms",
            "--user",
            "--password");

    BurstOptions {
        require(gates >= 1 && gates <= 999, "--gates must be 1..999");
        require(spots >= 1, "--spots must be positive");
        require(cars >= 0, "--cars must not be negative");
        require(retryShare >= 0 && retryShare <= 1, "--retry-share must be between 0 and 1");
        require(!timeout.isNegative() && !timeout.isZero(), "--timeout-ms must be positive");
        require(!gateCycle.isNegative(), "--gate-cycle-ms must not be negative");
        require(tariff.equals("event") || tariff.equals("server"), "--tariff must be event or server");
        require(
                lotId == null || lotId.matches("[A-Za-z0-9_-]{1,16}"),
                "--lot must be 1..16 of [A-Za-z0-9_-] (it is also the spot id prefix)");
    }

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static BurstOptions parse(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        BurstOptions base = rest.remove("--quick") ? QUICK : FULL;
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < rest.size(); i += 2) {
            String flag = rest.get(i);
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            given.put(flag, rest.get(i + 1));
        }
        return new BurstOptions(
                given.getOrDefault("--url", base.url()),
                given.getOrDefault("--db", base.db()),
                integer(given, "--gates", base.gates()),
                integer(given, "--spots", base.spots()),
                integer(given, "--cars", base.cars()),
                given.containsKey("--retry-share")
                        ? decimal("--retry-share", given.get("--retry-share"))
                        : base.retryShare(),
                given.containsKey("--timeout-ms")
                        ? Duration.ofMillis(integer(given, "--timeout-ms", 0))
                        : base.timeout(),
                given.getOrDefault("--lot", base.lotId()),
                integer(given, "--seed", (int) base.seed()),
                given.getOrDefault("--tariff", base.tariff()),
                given.getOrDefault("--user", base.user()),
                given.getOrDefault("--password", base.password()),
                given.containsKey("--gate-cycle-ms")
                        ? Duration.ofMillis(integer(given, "--gate-cycle-ms", 0))
                        : base.gateCycle());
    }

    /** The lot id of this run. */
    String lotIdOrDefault(long epochSecond) {
        return lotId != null ? lotId : "BURST_" + epochSecond;
    }

    private BurstOptions withSize(int gates, int spots, int cars) {
        return new BurstOptions(
                url, db, gates, spots, cars, retryShare, timeout, lotId, seed, tariff, user, password, gateCycle);
    }

    private static int integer(Map<String, String> given, String flag, int fallback) {
        return given.containsKey(flag) ? integer(flag, given.get(flag)) : fallback;
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
        }
    }

    private static double decimal(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + value);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
