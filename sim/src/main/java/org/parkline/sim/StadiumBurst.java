package org.parkline.sim;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parkline.client.AvailabilityFilter;
import org.parkline.client.Lot;
import org.parkline.client.LotLayout;
import org.parkline.client.ParklineClient;
import org.parkline.client.ParklineClientException;
import org.parkline.client.SpotType;

/**
 * The stadium burst: build a big lot, let a crowd in through every entry gate at once, let it out
 * again through every exit gate, print throughput and latency per phase, and check from the
 * database that nothing was double-allocated, miscounted or left unpaid.
 *
 * <p>Exit code 0 when every check passed, 1 when one failed, 2 on bad arguments, 3 when the run could
 * not start (server unreachable, lot not created).
 */
public final class StadiumBurst {

    private final BurstOptions options;
    private final PrintStream out;
    private String token;

    StadiumBurst(BurstOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BurstOptions options;
        try {
            options = BurstOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BurstOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new StadiumBurst(options, System.out).run());
    }

    int run() {
        String lotId = options.lotIdOrDefault(Instant.now().getEpochSecond());
        out.printf(
                Locale.ROOT,
                "Stadium burst against %s: lot %s, %d spots, %d entry + %d exit gates, %d cars, %.0f%% retried, %s tariff%n",
                options.url(),
                lotId,
                options.spots(),
                options.gates(),
                options.gates(),
                options.cars(),
                options.retryShare() * 100,
                options.tariff());
        var signedIn = Session.signIn(options, out);
        if (signedIn.isEmpty()) return 3;
        String token = signedIn.get();
        this.token = token;
        ParklineClient parkline = ParklineClient.builder(options.url())
                .timeout(options.timeout())
                .bearerToken(token)
                .build();
        try {
            createLot(lotId);
        } catch (ParklineClientException e) {
            out.println("could not create the lot: " + e.getMessage());
            return 3;
        }
        InvariantChecks invariants = options.db() == null ? null : new InvariantChecks(options.db(), lotId);
        List<CheckResult> checks = new ArrayList<>();

        EntryBurst entry = new EntryBurst(parkline, options, lotId);
        Duration entryTime = entry.run();
        out.printf(
                "%nentry wave done in %.1f s: %d admitted, %d refused as lot-full%n",
                entryTime.toMillis() / 1000.0, entry.admitted().size(), entry.lotFullRefusals());
        printAvailability(parkline, lotId);
        checks.addAll(check("after entry", () -> invariants.afterEntry(entry), invariants));

        ExitBurst exit = new ExitBurst(parkline, options, lotId, entry.admitted());
        Duration exitTime = exit.run();
        out.printf("exit wave done in %.1f s%n", exitTime.toMillis() / 1000.0);
        checks.addAll(check("after exit", () -> invariants.afterExit(), invariants));

        List<PhaseSummary> phases = List.of(
                entry.entries().summary(entryTime),
                entry.replays().summary(entryTime),
                exit.payments().summary(exitTime),
                exit.exits().summary(exitTime));
        checks.add(0, everyRequestAnswered(phases, entry.unresolved()));
        out.println();
        out.print(BurstReport.phases(phases));
        out.printf("lot-full refusals: %d%n%n", entry.lotFullRefusals());
        out.print(BurstReport.checks(checks));
        boolean passed = checks.stream().allMatch(CheckResult::passed);
        out.println((passed ? "ALL CHECKS PASSED" : "CHECKS FAILED")
                + (invariants == null ? " (database invariants skipped: no --db)" : ""));
        return passed ? 0 : 1;
    }

    private void createLot(String lotId) {
        LotLayout layout = StadiumLayout.of(
                lotId,
                options.spots(),
                options.gates(),
                options.tariff().equals("event") ? StadiumLayout.EVENT_TARIFF : null);
        long start = System.nanoTime();
        // Creating thousands of spots takes longer than a gate's request may.
        ParklineClient admin = ParklineClient.builder(options.url())
                .timeout(options.timeout().multipliedBy(10))
                .bearerToken(token)
                .build();
        Lot lot = admin.createLot(layout, "create-" + lotId);
        out.printf(
                "created lot %s: %d floors, %d gates in %.1f s%n",
                lot.lotId(),
                lot.floors() == null ? 0 : lot.floors().size(),
                lot.gates() == null ? 0 : lot.gates().size(),
                (System.nanoTime() - start) / 1e9);
    }

    private void printAvailability(ParklineClient parkline, String lotId) {
        try {
            var availability = parkline.availability(lotId, AvailabilityFilter.all());
            StringBuilder counts = new StringBuilder();
            for (SpotType type : SpotType.values()) {
                counts.append(' ').append(type).append('=').append(availability.available(type));
            }
            out.println("available after entry:" + counts);
        } catch (ParklineClientException e) {
            out.println("availability not readable: " + e.getMessage());
        }
    }

    /** Server errors or vehicles left without an answer are failures whatever the database says. */
    static CheckResult everyRequestAnswered(List<PhaseSummary> phases, long unresolvedEntries) {
        long serverErrors = phases.stream()
                .flatMap(p -> p.outcomes().entrySet().stream())
                .filter(o -> o.getKey().startsWith("http-5"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return CheckResult.of(
                "no 5xx answers and every entry resolved",
                serverErrors == 0 && unresolvedEntries == 0,
                serverErrors + " server errors, " + unresolvedEntries + " entries never answered");
    }

    private interface Check {
        List<CheckResult> run() throws SQLException;
    }

    private List<CheckResult> check(String when, Check check, InvariantChecks invariants) {
        if (invariants == null) {
            return List.of();
        }
        try {
            List<CheckResult> results = check.run();
            return results.stream()
                    .map(r -> new CheckResult(r.name() + " [" + when + "]", r.passed(), r.detail()))
                    .toList();
        } catch (SQLException e) {
            return List.of(CheckResult.of("database readable [" + when + "]", false, e.getMessage()));
        }
    }
}
