package org.parkline.server.lots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.GateCommand;
import org.parkline.client.LotMode;
import org.parkline.client.ParklineApiException;
import org.parkline.client.ParklineClient;
import org.parkline.client.SpotType;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.EdgeLot;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.RawHttp;

/** Commands from central to a gate: audited with a reason, applied to the gate's status, pulled by the edge. */
class GateCommandIT extends IntegrationTest {

    @Test
    void forceCloseShutsTheGateIsAuditedAndWaitsForTheControllerToPullAndAcknowledge() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);
        ParklineClient device = clientWithKey(lot.key(lot.entry()));

        GateCommand command = api.commandGate(lot.entry(), "FORCE_CLOSE", "flooded ramp", "cmd-1");

        assertThat(command.seq()).isEqualTo(1);
        assertThat(gateStatus(lot.entry())).isEqualTo("FORCED_CLOSED");
        assertThatThrownBy(() -> device.enter(
                        EntryRequest.of(lot.lotId(), lot.entry(), Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                        "in-1"))
                .isInstanceOfSatisfying(
                        ParklineApiException.class, e -> assertThat(e.problem()).isEqualTo("gate-closed"));
        List<GateCommand> pulled = device.gateCommands(lot.entry(), 0);
        assertThat(pulled).extracting(GateCommand::command).containsExactly("FORCE_CLOSE");
        assertThat(pulled.getFirst().reason()).isEqualTo("flooded ramp");
        assertThat(pulled.getFirst().issuedBy()).startsWith("PERSON:");

        device.acknowledgeGateCommand(lot.entry(), 1, "ack-1");
        api.commandGate(lot.entry(), "NORMAL", "ramp pumped dry", "cmd-2");

        assertThat(device.gateCommands(lot.entry(), 1))
                .extracting(GateCommand::command)
                .containsExactly("NORMAL");
        assertThat(device.gateCommands(lot.entry(), 0).getFirst().ackedAt()).isNotNull();
        assertThat(gateStatus(lot.entry())).isEqualTo("NORMAL");
        assertThat(count(
                        "select count(*) from audit_entry where lot_id = ? and action = 'gate.commanded' and after->>'reason' = 'flooded ramp'",
                        lot.lotId()))
                .isEqualTo(1);
    }

    @Test
    void aCommandNeedsAReasonAndAPersonOfTheLotAndADeviceMayOnlyPullItsOwnGate() {
        EdgeLot lot = EdgeLot.create(api, http, LotMode.SPOT, Map.of(SpotType.COMPACT, 2), 1, 1);

        RawHttp.Reply noReason =
                http.post("/v1/gates/" + lot.entry() + "/commands", "{\"command\":\"FORCE_OPEN\",\"reason\":\"\"}");
        RawHttp.Reply badCommand =
                http.post("/v1/gates/" + lot.entry() + "/commands", "{\"command\":\"EXPLODE\",\"reason\":\"why not\"}");
        RawHttp.Reply otherLotsOperator = http.withToken(tokenOf("operator"))
                .post(
                        "/v1/gates/" + lot.entry() + "/commands",
                        "{\"command\":\"FORCE_OPEN\",\"reason\":\"fire drill\"}");
        RawHttp.Reply deviceCommands = http.withApiKey(lot.key(lot.entry()))
                .post(
                        "/v1/gates/" + lot.entry() + "/commands",
                        "{\"command\":\"FORCE_OPEN\",\"reason\":\"fire drill\"}");
        RawHttp.Reply otherGatesPull =
                http.withApiKey(lot.key(lot.exit())).get("/v1/gates/" + lot.entry() + "/commands?after=0");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(badCommand.status()).isEqualTo(400);
        assertThat(otherLotsOperator.status()).isEqualTo(403);
        assertThat(deviceCommands.status()).isEqualTo(403);
        assertThat(otherGatesPull.status()).isEqualTo(403);
        assertThat(count("select count(*) from gate_command where gate_id = ?", lot.entry()))
                .isZero();
        assertThat(gateStatus(lot.entry())).isEqualTo("NORMAL");
    }

    private String gateStatus(String gateId) {
        return jdbc.sql("select status from gate where id = ?")
                .param(gateId)
                .query(String.class)
                .single();
    }
}
