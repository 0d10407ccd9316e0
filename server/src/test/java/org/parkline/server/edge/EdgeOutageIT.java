package org.parkline.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.edge.AcceleratedClock;
import org.parkline.edge.sim.CutProxy;
import org.parkline.server.support.EdgeLot;
import org.parkline.server.support.EdgeProcess;
import org.parkline.server.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Central and a lot's edge controller together, the controller in its own JVM. Cars keep entering and leaving while
 * central is cut off mid-burst, the controller is killed with SIGKILL while offline and restarted, then everything
 * is restored: afterwards the database must tell the truth about every car that passed a barrier.
 */
class EdgeOutageIT extends IntegrationTest {

    /** Parking time runs 600 times faster than the wall clock (a barrier cycle of 150 ms is 90 s), here and at the edge. */
    private static final long SPEEDUP = 600;

    @TempDir
    Path dir;

    private final Random random = new Random(7);
    private final List<JsonNode> decisions = new ArrayList<>();
    private final Map<String, String> inside = new LinkedHashMap<>(); // barcode -> plate
    private final List<String> left = new ArrayList<>();
    private int plates;

    @Test
    void everyCarThatPassedABarrierHasExactlyOneTicketAfterAnOutageAndAKill9() throws Exception {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 8, SpotType.LARGE, 2), 2, 2);
        AcceleratedClock time = new AcceleratedClock(START, System.currentTimeMillis(), SPEEDUP);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread centralTime = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                clock.set(time.instant());
                sleep(10);
            }
        });
        try (CutProxy proxy = new CutProxy("127.0.0.1", port)) {
            Path config = config(lot, proxy.port(), time);
            EdgeProcess first = EdgeProcess.start(config, dir.resolve("edge.log"));
            EdgeProcess edge = first;
            try {
                await(
                        () -> first.status().path("online").asBoolean() && quotaLeft(first, lot) == 10,
                        "edge online with its quota");
                assertThat(count("select count(*) from spot where lot_id = ? and status = 'RESERVED'", lot.lotId()))
                        .as("quota held in escrow at central")
                        .isEqualTo(10);

                burst(edge, lot, 16); // online
                proxy.cut(); // central gone mid-burst
                burst(edge, lot, 12);
                edge.paymentProvider(false); // and the card provider too, for a while
                burst(edge, lot, 6);
                assertThat(edge.status().path("online").asBoolean()).isFalse();
                assertThat(edge.status()
                                .path("lanes")
                                .path(lot.exit())
                                .path("display")
                                .asString())
                        .contains("OFFLINE");

                edge.kill9();
                edge = EdgeProcess.start(config, dir.resolve("edge.log"));
                edge.paymentProvider(true);
                burst(edge, lot, 10); // offline again, from the journal it left behind
                assertThat(edge.status().path("online").asBoolean()).isFalse();

                proxy.restore();
                EdgeProcess restarted = edge;
                await(
                        () -> restarted.status().path("online").asBoolean()
                                && restarted.status().path("pendingEvents").asLong() == 0,
                        "edge back online with its journal replayed");
                burst(edge, lot, 12); // online again: offline tickets leave through central
                for (String barcode : List.copyOf(inside.keySet()).subList(0, Math.min(3, inside.size()))) {
                    exit(edge, lot.exit(), barcode, "CASH");
                }
                await(() -> quotaLeft(restarted, lot) == 10, "quota topped up again");
            } finally {
                edge.close();
            }
        } finally {
            running.set(false);
            centralTime.join();
            clock.set(START); // the admin's token (8 hours) is valid again for the checks
        }
        assertTheDatabaseTellsTheTruth(lot);
    }

    private void assertTheDatabaseTellsTheTruth(EdgeLot lot) {
        String lotId = lot.lotId();
        long entered = decisions.stream()
                .filter(d -> d.path("opened").asBoolean()
                        && d.path("gateId").asString().contains("_E"))
                .count();
        assertThat(entered).as("cars admitted").isGreaterThan(20);
        assertThat(decisions.stream()
                        .filter(d -> !d.path("online").asBoolean()
                                && d.path("opened").asBoolean()))
                .as("offline decisions")
                .hasSizeGreaterThan(10);
        // every car that passed an entry barrier has exactly one ticket, and no ticket exists without a car
        for (JsonNode d : decisions) {
            if (!d.path("opened").asBoolean() || !d.path("gateId").asString().contains("_E")) continue;
            String barcode = d.path("ticketRef").asString();
            assertThat(count(
                            "select count(*) from ticket where lot_id = ? and (barcode = ? or edge_ref = ?)",
                            lotId,
                            barcode,
                            barcode))
                    .as("tickets for car with ticket %s", barcode)
                    .isEqualTo(1);
        }
        assertThat(count("select count(*) from ticket where lot_id = ?", lotId)).isEqualTo(entered);
        assertThat(count("select count(*) from ticket where lot_id = ? and status = 'ACTIVE'", lotId))
                .as("cars inside")
                .isEqualTo(inside.size());
        assertThat(count("select count(*) from ticket where lot_id = ? and status = 'CLOSED'", lotId))
                .as("cars that left")
                .isEqualTo(left.size());
        // no spot has two cars; every occupied spot has its car and every parked car its spot
        assertThat(count(
                        """
                        select count(*) from (select spot_id from ticket where lot_id = ? and status = 'ACTIVE'
                                               and spot_id is not null group by spot_id having count(*) > 1) x
                        """,
                        lotId))
                .isZero();
        assertThat(count("select count(*) from spot where lot_id = ? and status = 'OCCUPIED'", lotId))
                .isEqualTo(count("select count(*) from ticket where lot_id = ? and status = 'ACTIVE'", lotId));
        assertThat(count(
                        """
                        select count(*) from ticket t join spot s on s.id = t.spot_id
                         where t.lot_id = ? and t.status = 'ACTIVE' and s.status <> 'OCCUPIED'
                        """,
                        lotId))
                .isZero();
        // counters equal the truth, zone by zone
        List<String> wrong = jdbc.sql(
                        """
                        select c.floor_id || '/' || c.zone_code || '/' || c.spot_type from zone_counter_now c
                          left join (select floor_id, zone_code, type,
                                            count(*) filter (where status = 'AVAILABLE') a,
                                            count(*) filter (where status = 'OCCUPIED') o,
                                            count(*) filter (where status = 'RESERVED') r,
                                            count(*) t
                                       from spot where lot_id = :lot group by floor_id, zone_code, type) s
                            on s.floor_id = c.floor_id and s.zone_code = c.zone_code and s.type = c.spot_type
                         where c.lot_id = :lot
                           and (c.available <> coalesce(s.a, 0) or c.occupied <> coalesce(s.o, 0)
                                or c.reserved <> coalesce(s.r, 0) or c.total <> coalesce(s.t, 0))
                        """)
                .param("lot", lotId)
                .query(String.class)
                .list();
        assertThat(wrong).as("zone counters that disagree with the spots").isEmpty();
        assertThat(count("select count(*) from spot where lot_id = ? and status = 'RESERVED'", lotId))
                .as("reserved spots are exactly the quota held")
                .isEqualTo(count("select count(*) from edge_quota_place where lot_id = ? and status = 'HELD'", lotId));
        // every offline event imported exactly once, and the money owed accounted for to the cent
        long offline = decisions.stream()
                .filter(d -> !d.path("online").asBoolean() && d.path("opened").asBoolean())
                .count();
        assertThat(count("select count(*) from edge_event where lot_id = ?", lotId))
                .isEqualTo(offline);
        BigDecimal dueOffline = sum(decisions, "due");
        BigDecimal collectedOffline = sum(decisions, "collected");
        BigDecimal uncollectedOffline = sum(decisions, "uncollected");
        assertThat(dueOffline).as("offline exits priced a fee").isPositive();
        assertThat(collectedOffline.add(uncollectedOffline)).isEqualByComparingTo(dueOffline);
        Map<String, Object> recorded = jdbc.sql(
                        """
                        select coalesce(sum(amount_collected), 0) as collected,
                               coalesce(sum(amount_uncollected), 0) as uncollected
                          from edge_event where lot_id = :lot
                        """)
                .param("lot", lotId)
                .query()
                .singleRow();
        assertThat((BigDecimal) recorded.get("collected")).isEqualByComparingTo(collectedOffline);
        assertThat((BigDecimal) recorded.get("uncollected")).isEqualByComparingTo(uncollectedOffline);
        assertThat(count(
                        "select count(*) from edge_event where lot_id = ? and outcome not in ('ENTERED', 'EXITED')",
                        lotId))
                .as("conflicts (none expected: every offline exit was of a known ticket)")
                .isZero();
        System.out.printf(
                "EdgeOutageIT: %d decisions, %d cars admitted, %d left, %d offline events replayed; offline fees %s"
                        + " (collected %s, uncollected %s)%n",
                decisions.size(), entered, left.size(), offline, dueOffline, collectedOffline, uncollectedOffline);
        JsonNode reconciliation =
                http.get("/v1/lots/" + lotId + "/edge/reconciliation").json();
        assertThat(reconciliation.path("uncollectedOffline").decimalValue()).isEqualByComparingTo(uncollectedOffline);
    }

    /** {@code n} cars: arrivals while there is quota or room, departures of cars inside, in a random mix. */
    private void burst(EdgeProcess edge, EdgeLot lot, int n) {
        for (int i = 0; i < n; i++) {
            boolean leave = !inside.isEmpty() && (random.nextInt(3) == 0 || inside.size() > 14);
            if (leave) {
                List<String> cars = List.copyOf(inside.keySet());
                String barcode = cars.get(random.nextInt(cars.size()));
                String payment = List.of("CASH", "CARD", "NONE").get(random.nextInt(3));
                exit(edge, lot.exitGates().get(random.nextInt(lot.exitGates().size())), barcode, payment);
            } else {
                String plate = "EDG" + (++plates) + "X";
                JsonNode d = edge.enter(
                        lot.entryGates().get(random.nextInt(lot.entryGates().size())), "CAR", plate);
                decisions.add(d);
                if (d.path("opened").asBoolean()) inside.put(d.path("ticketRef").asString(), plate);
            }
            sleep(150); // a barrier cycle: parking time moves on
        }
    }

    private void exit(EdgeProcess edge, String gate, String barcode, String payment) {
        JsonNode d = edge.exit(gate, barcode, payment);
        decisions.add(d);
        if (d.path("opened").asBoolean()) {
            inside.remove(barcode);
            left.add(barcode);
        }
    }

    private static int quotaLeft(EdgeProcess edge, EdgeLot lot) {
        int left = 0;
        for (String gate : lot.entryGates()) {
            left += edge.status()
                    .path("lanes")
                    .path(gate)
                    .path("quotaLeft")
                    .path("CAR")
                    .asInt();
        }
        return left;
    }

    private Path config(EdgeLot lot, int centralPort, AcceleratedClock time) throws Exception {
        StringBuilder p = new StringBuilder();
        p.append("lot.id=").append(lot.lotId()).append('\n');
        p.append("central.url=http://127.0.0.1:").append(centralPort).append('\n');
        p.append("central.timeout=PT2S\n");
        p.append("lot.apiKey=").append(lot.lotKey()).append('\n');
        List<String> gates = new ArrayList<>(lot.entryGates());
        gates.addAll(lot.exitGates());
        p.append("gates=").append(String.join(",", gates)).append('\n');
        for (String gate : gates) {
            p.append("gate.")
                    .append(gate)
                    .append(".direction=")
                    .append(lot.entryGates().contains(gate) ? "ENTRY" : "EXIT")
                    .append('\n');
            p.append("gate.")
                    .append(gate)
                    .append(".apiKey=")
                    .append(lot.key(gate))
                    .append('\n');
        }
        p.append("quota.CAR=5\n");
        p.append("quota.exhausted=REFUSE\n");
        p.append("journal.path=").append(dir.resolve("journal.db")).append('\n');
        p.append("sync.interval=PT0.3S\n");
        p.append("sim.port=0\n");
        p.append("clock=").append(time.spec()).append('\n');
        Path file = dir.resolve("edge.properties");
        Files.writeString(file, p.toString());
        return file;
    }

    private static BigDecimal sum(List<JsonNode> decisions, String field) {
        return decisions.stream()
                .filter(d -> d.hasNonNull(field))
                .map(d -> d.get(field).decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            sleep(100);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
