package org.parkline.edge;

import java.util.UUID;
import org.parkline.client.GateQuota;
import org.parkline.edge.journal.Journal;
import org.parkline.edge.journal.QuotaPlace;

/**
 * Keeps each entry gate's escrowed quota at the configured size while central is reachable: central holds the
 * places (they leave availability and allocation) and tells which; they are kept in the journal for offline use.
 * Runs only with the journal drained, so a place used offline is always claimed at central before it is re-listed.
 */
public final class QuotaKeeper {

    private final EdgeConfig config;
    private final Journal journal;
    private final CentralLink central;

    public QuotaKeeper(EdgeConfig config, Journal journal, CentralLink central) {
        this.config = config;
        this.journal = journal;
        this.central = central;
    }

    public void sync() {
        for (EdgeConfig.GateConfig gate : config.gates()) {
            if (gate.direction() != EdgeConfig.Direction.ENTRY) continue;
            GateQuota held = central.gate(gate.gateId())
                    .adjustGateQuota(gate.gateId(), config.quota(), "quota-" + UUID.randomUUID());
            journal.replaceUnusedQuota(
                    gate.gateId(),
                    held.places().stream()
                            .map(p -> new QuotaPlace(
                                    p.placeId(), p.vehicleType().name(), p.floorId(), p.zone(), p.spotId()))
                            .toList());
        }
    }

    /** Gives every unused place back (controller decommissioned or shut down for maintenance). */
    public void returnAll() {
        for (EdgeConfig.GateConfig gate : config.gates()) {
            if (gate.direction() != EdgeConfig.Direction.ENTRY) continue;
            GateQuota left = central.gate(gate.gateId())
                    .returnGateQuota(gate.gateId(), null, "quota-return-" + UUID.randomUUID());
            journal.replaceUnusedQuota(gate.gateId(), java.util.List.of());
            if (!left.places().isEmpty())
                throw new IllegalStateException("central still holds places for " + gate.gateId());
        }
    }
}
