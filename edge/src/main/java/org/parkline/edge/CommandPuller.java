package org.parkline.edge;

import java.util.List;
import org.parkline.client.GateCommand;
import org.parkline.edge.journal.Journal;

/**
 * Pulls central's commands for each gate (force open, force close, back to normal), applies them to the barrier
 * and the gate's mode, then acknowledges. Doubles as the probe that tells whether central is reachable.
 */
public final class CommandPuller {

    private final EdgeConfig config;
    private final Journal journal;
    private final CentralLink central;
    private final GateModes modes;
    private final java.util.Map<String, Lane> lanes;

    public CommandPuller(
            EdgeConfig config,
            Journal journal,
            CentralLink central,
            GateModes modes,
            java.util.Map<String, Lane> lanes) {
        this.config = config;
        this.journal = journal;
        this.central = central;
        this.modes = modes;
        this.lanes = lanes;
    }

    /** Pulls and applies every gate's new commands; throws when central cannot be reached. */
    public void pull() {
        for (EdgeConfig.GateConfig gate : config.gates()) {
            String key = "commands." + gate.gateId() + ".seq";
            long after = journal.meta(key).map(Long::parseLong).orElse(0L);
            List<GateCommand> commands = central.gate(gate.gateId()).gateCommands(gate.gateId(), after);
            for (GateCommand command : commands) {
                apply(gate.gateId(), command.command());
                journal.saveMeta(key, Long.toString(command.seq()));
                central.gate(gate.gateId())
                        .acknowledgeGateCommand(
                                gate.gateId(), command.seq(), "ack-" + gate.gateId() + "-" + command.seq());
            }
        }
    }

    private void apply(String gateId, String command) {
        Lane lane = lanes.get(gateId);
        switch (command) {
            case "FORCE_OPEN" -> {
                modes.set(gateId, GateModes.Mode.FORCED_OPEN);
                lane.barrier().holdOpen();
                lane.display().show("Barrier held open by the operator");
            }
            case "FORCE_CLOSE" -> {
                modes.set(gateId, GateModes.Mode.FORCED_CLOSED);
                lane.barrier().close();
                lane.display().show("Closed. Please use another gate.");
            }
            case "NORMAL" -> {
                modes.set(gateId, GateModes.Mode.NORMAL);
                lane.barrier().close();
                lane.display().show("Welcome");
            }
            default -> {} // a command this version does not know is acknowledged and ignored
        }
    }
}
