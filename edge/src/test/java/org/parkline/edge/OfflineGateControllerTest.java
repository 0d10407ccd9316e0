package org.parkline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkline.client.VehicleType;
import org.parkline.edge.device.Barrier;
import org.parkline.edge.journal.Journal;
import org.parkline.edge.journal.QuotaPlace;
import org.parkline.edge.sim.SimulatedLane;

/** The controller deciding alone: central unreachable from the start (its URL points at a closed port). */
class OfflineGateControllerTest {

    private static final Instant T0 = Instant.parse("2026-02-24T02:00:00Z");
    private static final String TARIFF =
            """
            {"currency":"SGD","rules":[{"id":"free_15","kind":"FREE_MINUTES","minutes":15},
             {"id":"hourly","kind":"HOURLY","rate":"2.00"},{"id":"daily_cap","kind":"DAILY_CAP","amount":"20.00"},
             {"id":"lost","kind":"LOST_TICKET","amount":"30.00","mode":"GREATER_OF"}]}
            """;

    @TempDir
    Path dir;

    private Journal journal;
    private final SimulatedLane entryLane = new SimulatedLane();
    private final SimulatedLane exitLane = new SimulatedLane();
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @AfterEach
    void close() {
        if (journal != null) journal.close();
    }

    @Test
    void anOfflineEntryIssuesALocalTicketFromTheQuotaCommittedBeforeTheBarrierMoves() {
        AtomicLong committedWhenOpened = new AtomicLong(-1);
        GateController gates = controller(EdgeConfig.QuotaExhausted.REFUSE, new Barrier() {
            @Override
            public void open() {
                committedWhenOpened.set(countFromAnotherConnection());
            }

            @Override
            public void close() {}

            @Override
            public void holdOpen() {}

            @Override
            public State state() {
                return State.CLOSED;
            }
        });
        quota(2);

        Decision decision = gates.enter("E1", VehicleType.CAR, "SGP1A");

        assertThat(decision.opened()).isTrue();
        assertThat(decision.online()).isFalse();
        assertThat(decision.ticketRef()).startsWith("L1-E1-").isEqualTo(decision.eventId());
        assertThat(committedWhenOpened.get())
                .as("events another connection saw when the barrier opened")
                .isEqualTo(1);
        assertThat(entryLane.printed()).containsExactly(decision.ticketRef());
        assertThat(entryLane.message()).contains("OFFLINE").contains("Spot S1");
        assertThat(journal.quotaLeft("E1", "CAR")).isEqualTo(1);
    }

    @Test
    void withTheQuotaSpentARefusingLotKeepsTheBarrierShutAndJournalsNothing() {
        GateController gates = controller(EdgeConfig.QuotaExhausted.REFUSE, entryLane);
        quota(1);
        gates.enter("E1", VehicleType.CAR, null);

        Decision refused = gates.enter("E1", VehicleType.CAR, null);

        assertThat(refused.opened()).isFalse();
        assertThat(refused.eventId()).isNull();
        assertThat(entryLane.openings()).isEqualTo(1);
        assertThat(entryLane.message()).contains("full");
        assertThat(journal.pendingCount()).isEqualTo(1);
    }

    @Test
    void withTheQuotaSpentALotThatAdmitsWithoutAGuaranteedSpotAdmitsAndSaysSo() {
        GateController gates = controller(EdgeConfig.QuotaExhausted.ADMIT_UNGUARANTEED, entryLane);

        Decision admitted = gates.enter("E1", VehicleType.CAR, null);

        assertThat(admitted.opened()).isTrue();
        assertThat(entryLane.message()).contains("any free place");
        assertThat(journal.pendingBatch(10).getFirst().quotaPlaceId()).isNull();
    }

    @Test
    void withTheQuotaSpentAPermitsOnlyLotAdmitsNobodyWhilePermitsAreNotAvailable() {
        GateController gates = controller(EdgeConfig.QuotaExhausted.PERMITS_ONLY, entryLane);

        assertThat(gates.enter("E1", VehicleType.CAR, "SGP1A").opened()).isFalse();
    }

    @Test
    void anOfflineExitIsPricedFromTheCachedTariffAndWhatCouldNotBeCollectedIsRecorded() {
        GateController gates = controller(EdgeConfig.QuotaExhausted.REFUSE, entryLane);
        quota(3);
        String cash = gates.enter("E1", VehicleType.CAR, null).ticketRef();
        String card = gates.enter("E1", VehicleType.CAR, null).ticketRef();
        String none = gates.enter("E1", VehicleType.CAR, null).ticketRef();
        clock = Clock.fixed(T0.plus(Duration.ofMinutes(150)), ZoneOffset.UTC);
        gates = controller(EdgeConfig.QuotaExhausted.REFUSE, entryLane);
        exitLane.paymentProviderReachable(false);

        Decision paidCash = gates.exit("X1", cash, null, GateController.PaymentChoice.CASH);
        Decision cardDown = gates.exit("X1", card, null, GateController.PaymentChoice.CARD);
        Decision nothing = gates.exit("X1", none, null, GateController.PaymentChoice.NONE);

        assertThat(paidCash.due()).isEqualByComparingTo("6.00"); // 2.5 h: 3 started hours
        assertThat(paidCash.collected()).isEqualByComparingTo("6.00");
        assertThat(cardDown.uncollected()).isEqualByComparingTo("6.00");
        assertThat(nothing.uncollected()).isEqualByComparingTo("6.00");
        assertThat(List.of(paidCash, cardDown, nothing)).allMatch(Decision::opened);
        assertThat(exitLane.message()).contains("recorded as owed");
        assertThat(journal.pendingCount()).isEqualTo(6);
    }

    @Test
    void aTicketThatAlreadyLeftCannotLeaveAgainOffline() {
        GateController gates = controller(EdgeConfig.QuotaExhausted.REFUSE, entryLane);
        quota(1);
        String ticket = gates.enter("E1", VehicleType.CAR, null).ticketRef();
        gates.exit("X1", ticket, null, GateController.PaymentChoice.CASH);

        Decision again = gates.exit("X1", ticket, null, GateController.PaymentChoice.CASH);

        assertThat(again.opened()).isFalse();
        assertThat(exitLane.openings()).isEqualTo(1);
    }

    @Test
    void aTicketThisLotNeverIssuedPaysTheLostTicketFeeAndLeaves() {
        GateController gates = controller(EdgeConfig.QuotaExhausted.REFUSE, entryLane);

        Decision stranger = gates.exit("X1", "999999999", null, GateController.PaymentChoice.CASH);

        assertThat(stranger.opened()).isTrue();
        assertThat(stranger.due()).isEqualByComparingTo(new BigDecimal("30.00"));
    }

    @Test
    void aGateForcedClosedRefusesEveryVehicle() {
        GateController gates = controller(EdgeConfig.QuotaExhausted.ADMIT_UNGUARANTEED, entryLane);
        new GateModes(journal).set("E1", GateModes.Mode.FORCED_CLOSED);
        gates = controller(EdgeConfig.QuotaExhausted.ADMIT_UNGUARANTEED, entryLane);

        assertThat(gates.enter("E1", VehicleType.CAR, null).opened()).isFalse();
    }

    private GateController controller(EdgeConfig.QuotaExhausted policy, Barrier entryBarrier) {
        Properties p = new Properties();
        p.putAll(Map.of(
                "lot.id", "L1",
                "central.url", "http://127.0.0.1:9",
                "gates", "E1,X1",
                "gate.E1.direction", "ENTRY",
                "gate.E1.apiKey", "pk_x.y",
                "gate.X1.direction", "EXIT",
                "gate.X1.apiKey", "pk_x.z",
                "quota.exhausted", policy.name(),
                "journal.path", dir.resolve("journal.db").toString()));
        EdgeConfig config = EdgeConfig.from(p);
        if (journal == null) {
            journal = new Journal(config.journal(), "L1");
            journal.saveMeta("pricing.document", TARIFF);
            journal.saveMeta("pricing.version", "1");
            journal.saveMeta("lot.timezone", "Asia/Singapore");
        }
        Map<String, Lane> lanes = Map.of(
                "E1", new Lane(entryBarrier, entryLane, entryLane, entryLane, entryLane),
                "X1", new Lane(exitLane, exitLane, exitLane, exitLane, exitLane));
        return new GateController(
                config,
                journal,
                new CentralLink(config, clock),
                new PricingSnapshot(journal),
                PermitSource.NONE,
                new GateModes(journal),
                lanes,
                clock);
    }

    private void quota(int places) {
        journal.replaceUnusedQuota(
                "E1",
                java.util.stream.IntStream.rangeClosed(1, places)
                        .mapToObj(i -> new QuotaPlace("Q" + i, "CAR", "F1", "A", "S" + i))
                        .toList());
    }

    private long countFromAnotherConnection() {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
                ResultSet rs = other.createStatement().executeQuery("select count(*) from event")) {
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
