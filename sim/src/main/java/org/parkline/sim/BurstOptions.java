package org.parkline.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        long seed) {

    static final String USAGE =
            """
            usage: StadiumBurst [--quick] [--url URL] [--db JDBC_URL] [--gates N] [--spots N] [--cars N]
                                [--retry-share 0.05] [--timeout-ms 10000] [--lot LOT_ID] [--seed N]
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
            """;

    static final BurstOptions FULL =
            new BurstOptions("http://localhost:8080", null, 64, 20_000, 20_000, 0.05, Duration.ofSeconds(10), null, 42);

    static final BurstOptions QUICK = FULL.withSize(8, 500, 600);

    BurstOptions {
        require(gates >= 1 && gates <= 999, "--gates must be 1..999");
        require(spots >= 1, "--spots must be positive");
        require(cars >= 0, "--cars must not be negative");
        require(retryShare >= 0 && retryShare <= 1, "--retry-share must be between 0 and 1");
        require(!timeout.isNegative() && !timeout.isZero(), "--timeout-ms must be positive");
        require(
                lotId == null || lotId.matches("[A-Za-z0-9_-]{1,16}"),
                "--lot must be 1..16 of [A-Za-z0-9_-] (it is also the spot id prefix)");
    }

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static BurstOptions parse(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        BurstOptions options = rest.remove("--quick") ? QUICK : FULL;
        for (int i = 0; i < rest.size(); i += 2) {
            String flag = rest.get(i);
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            options = options.with(flag, rest.get(i + 1));
        }
        return options;
    }

    /** The lot id of this run. */
    String lotIdOrDefault(long epochSecond) {
        return lotId != null ? lotId : "BURST_" + epochSecond;
    }

    private BurstOptions with(String flag, String value) {
        return switch (flag) {
            case "--url" -> new BurstOptions(value, db, gates, spots, cars, retryShare, timeout, lotId, seed);
            case "--db" -> new BurstOptions(url, value, gates, spots, cars, retryShare, timeout, lotId, seed);
            case "--gates" -> withSize(integer(flag, value), spots, cars);
            case "--spots" -> withSize(gates, integer(flag, value), cars);
            case "--cars" -> withSize(gates, spots, integer(flag, value));
            case "--retry-share" ->
                new BurstOptions(url, db, gates, spots, cars, decimal(flag, value), timeout, lotId, seed);
            case "--timeout-ms" ->
                new BurstOptions(
                        url, db, gates, spots, cars, retryShare, Duration.ofMillis(integer(flag, value)), lotId, seed);
            case "--lot" -> new BurstOptions(url, db, gates, spots, cars, retryShare, timeout, value, seed);
            case "--seed" ->
                new BurstOptions(url, db, gates, spots, cars, retryShare, timeout, lotId, integer(flag, value));
            default -> throw new IllegalArgumentException("unknown option " + flag);
        };
    }

    private BurstOptions withSize(int gates, int spots, int cars) {
        return new BurstOptions(url, db, gates, spots, cars, retryShare, timeout, lotId, seed);
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
