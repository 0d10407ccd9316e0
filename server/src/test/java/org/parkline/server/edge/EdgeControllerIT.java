package org.parkline.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.client.TicketStatus;
import org.parkline.client.VehicleType;
import org.parkline.edge.Decision;
import org.parkline.edge.EdgeConfig;
import org.parkline.edge.EdgeController;
import org.parkline.edge.GateController.PaymentChoice;
import org.parkline.server.support.EdgeLot;
import org.parkline.server.support.IntegrationTest;

/** The controller in this JVM against central: online decisions, commands from central, the pricing snapshot. */
class EdgeControllerIT extends IntegrationTest {

    @TempDir
    Path dir;

    @Test
    void onlineTheControllerIssuesCentralTicketsAndLetsPaidCarsOut() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);
        try (EdgeController edge = new EdgeController(config(lot)).start()) {
            Decision in = edge.gates().enter(lot.entry(), VehicleType.CAR, "SGP4242Q");

            assertThat(in.opened()).isTrue();
            assertThat(in.online()).isTrue();
            assertThat(api.ticket(in.centralTicketId()).barcode()).isEqualTo(in.ticketRef());
            assertThat(edge.lane(lot.entry()).printed()).containsExactly(in.ticketRef());
            assertThat(count(
                            "select count(*) from ticket where id = ? and edge_ref = ?",
                            in.centralTicketId(),
                            in.eventId()))
                    .isEqualTo(1);

            clock.advance(java.time.Duration.ofHours(2));
            Decision refused = edge.gates().exit(lot.exit(), in.ticketRef(), null, PaymentChoice.NONE);
            Decision out = edge.gates().exit(lot.exit(), in.ticketRef(), null, PaymentChoice.CASH);

            assertThat(refused.opened()).isFalse();
            assertThat(refused.message()).contains("Please pay 4.00");
            assertThat(out.opened()).isTrue();
            assertThat(api.ticket(in.centralTicketId()).status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(api.ticket(in.centralTicketId()).amountCharged()).isEqualByComparingTo("4.00");
            assertThat(edge.journal().pendingCount())
                    .as("online events are not replayed")
                    .isZero();
        }
    }

    @Test
    void aGateForcedClosedAtCentralRefusesVehiclesUntilItIsBackToNormal() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);
        try (EdgeController edge = new EdgeController(config(lot)).start()) {
            api.commandGate(lot.entry(), "FORCE_CLOSE", "police operation", "cmd-" + lot.lotId());
            edge.supervisor().tick();

            assertThat(edge.gates().enter(lot.entry(), VehicleType.CAR, null).opened())
                    .isFalse();
            assertThat(edge.lane(lot.entry()).message()).contains("closed");
            assertThat(count(
                            "select count(*) from gate_command where gate_id = ? and acked_at is not null",
                            lot.entry()))
                    .isEqualTo(1);

            api.commandGate(lot.entry(), "FORCE_OPEN", "evacuation", "cmd2-" + lot.lotId());
            edge.supervisor().tick();
            assertThat(edge.lane(lot.entry()).state().name()).isEqualTo("HELD_OPEN");

            api.commandGate(lot.entry(), "NORMAL", "all clear", "cmd3-" + lot.lotId());
            edge.supervisor().tick();
            assertThat(edge.gates().enter(lot.entry(), VehicleType.CAR, null).opened())
                    .isTrue();
        }
    }

    @Test
    void theControllerHoldsItsQuotaAndKeepsTheLotsTariffForOfflinePricing() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);
        try (EdgeController edge = new EdgeController(config(lot)).start()) {
            assertThat(edge.journal().quotaLeft(lot.entry(), "CAR")).isEqualTo(2);
            assertThat(edge.journal().meta("pricing.version")).contains("1");
            assertThat(edge.journal().meta("lot.timezone")).contains("Asia/Singapore");
            assertThat(count(
                            "select count(*) from edge_quota_place where gate_id = ? and status = 'HELD'", lot.entry()))
                    .isEqualTo(2);
        }
    }

    @Test
    void decommissioningAControllerGivesEveryUnusedPlaceBack() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);
        EdgeConfig config = config(lot);
        try (EdgeController edge = new EdgeController(config).start()) {
            assertThat(edge.journal().quotaLeft(lot.entry(), "CAR")).isEqualTo(2);
        }
        try (EdgeController edge = new EdgeController(config)) {
            edge.returnQuota();
            assertThat(edge.journal().quotaLeft(lot.entry(), "CAR")).isZero();
        }
        assertThat(count("select count(*) from edge_quota_place where gate_id = ? and status = 'HELD'", lot.entry()))
                .isZero();
        assertThat(count("select count(*) from spot where lot_id = ? and status = 'RESERVED'", lot.lotId()))
                .isZero();
    }

    private EdgeConfig config(EdgeLot lot) {
        Properties p = new Properties();
        p.setProperty("lot.id", lot.lotId());
        p.setProperty("central.url", base());
        p.setProperty("gates", lot.entry() + "," + lot.exit());
        p.setProperty("gate." + lot.entry() + ".direction", "ENTRY");
        p.setProperty("gate." + lot.entry() + ".apiKey", lot.key(lot.entry()));
        p.setProperty("gate." + lot.exit() + ".direction", "EXIT");
        p.setProperty("gate." + lot.exit() + ".apiKey", lot.key(lot.exit()));
        p.setProperty("quota.CAR", "2");
        p.setProperty("journal.path", dir.resolve("journal.db").toString());
        p.setProperty("sync.interval", "PT1H"); // ticks by hand
        return EdgeConfig.from(p);
    }
}
