package org.parkline.sim;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.parkline.client.ParklineClient;
import org.parkline.client.ParklineClientException;

/**
 * The checkout rush: fill a lot, then let every vehicle quote, pay the quoted amount and exit through every exit
 * gate at once; print throughput and p50/p95/p99 per call and per whole checkout, and check from the database that
 * no ticket was charged twice and every exit is covered. Takes StadiumBurst's options ({@code --retry-share} is
 * here the share of payments sent twice at once with one key).
 *
 * <p>Exit code 0 when every check passed, 1 when one failed, 2 on bad arguments, 3 when the run could not start.
 */
public final class CheckoutRush {

    private final BurstOptions options;
    private final PrintStream out;

    CheckoutRush(BurstOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BurstOptions options;
        try {
            options = BurstOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BurstOptions.USAGE.replace("StadiumBurst", "CheckoutRush"));
            System.exit(2);
            return;
        }
        System.exit(new CheckoutRush(options, System.out).run());
    }

    int run() {
        String lotId = options.lotId() != null
                ? options.lotId()
                : "RUSH_" + Instant.now().getEpochSecond() % 1_000_000;
        out.printf(
                Locale.ROOT,
                "Checkout rush against %s: lot %s, %d spots, %d gates, %d cars, %.0f%% of payments sent twice%n",
                options.url(),
                lotId,
                options.spots(),
                options.gates(),
                options.cars(),
                options.retryShare() * 100);
        var signedIn = Session.signIn(options, out);
        if (signedIn.isEmpty()) return 3;
        String token = signedIn.get();
        ParklineClient parkline = ParklineClient.builder(options.url())
                .timeout(options.timeout())
                .bearerToken(token)
                .build();
        try {
            ParklineClient.builder(options.url())
                    .timeout(options.timeout().multipliedBy(10))
                    .bearerToken(token)
                    .build()
                    .createLot(
                            StadiumLayout.of(lotId, options.spots(), options.gates(), StadiumLayout.EVENT_TARIFF),
                            "create-" + lotId);
        } catch (ParklineClientException e) {
            out.println("could not create the lot: " + e.getMessage());
            return 3;
        }
        EntryBurst entry = new EntryBurst(parkline, options, lotId);
        Duration entryTime = entry.run();
        out.printf("parked %d vehicles in %.1f s%n", entry.admitted().size(), entryTime.toMillis() / 1000.0);

        CheckoutWave checkout = new CheckoutWave(parkline, options, lotId, entry.admitted());
        Duration checkoutTime = checkout.run();
        Histogram whole = checkout.checkoutLatencyMicros();
        out.println();
        out.print(BurstReport.phases(checkout.phases(checkoutTime)));
        out.printf(
                Locale.ROOT,
                "checkout (quote+pay+exit): %d in %.1f s = %.1f/s; p50 %s p95 %s p99 %s max %s ms%n%n",
                checkout.checkedOut(),
                checkoutTime.toMillis() / 1000.0,
                checkout.checkedOut() / Math.max(0.001, checkoutTime.toMillis() / 1000.0),
                BurstReport.millis(whole.getTotalCount(), whole.getValueAtPercentile(50)),
                BurstReport.millis(whole.getTotalCount(), whole.getValueAtPercentile(95)),
                BurstReport.millis(whole.getTotalCount(), whole.getValueAtPercentile(99)),
                BurstReport.millis(whole.getTotalCount(), whole.getMaxValue()));

        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.of(
                "every parked vehicle checked out",
                checkout.checkedOut() == entry.admitted().size(),
                checkout.checkedOut() + " of " + entry.admitted().size()));
        if (options.db() != null) {
            try {
                checks.addAll(new CheckoutChecks(options.db(), lotId).afterCheckout(checkout.doubleSends()));
            } catch (SQLException e) {
                checks.add(CheckResult.of("database readable", false, e.getMessage()));
            }
        }
        out.print(BurstReport.checks(checks));
        boolean passed = checks.stream().allMatch(CheckResult::passed);
        out.println((passed ? "ALL CHECKS PASSED" : "CHECKS FAILED")
                + (options.db() == null ? " (database checks skipped: no --db)" : ""));
        return passed ? 0 : 1;
    }
}
