package org.parkline.edge;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parkline.edge.device.PlateCamera;
import org.parkline.edge.journal.Journal;
import org.parkline.edge.mqtt.MqttPlateFeed;
import org.parkline.edge.sim.SimulatedLane;

/**
 * One lot controller, assembled from its configuration: the journal, the link to central, the gates' lanes
 * (simulated devices; plate cameras from MQTT when a broker is configured), the decisions and the supervisor.
 */
public final class EdgeController implements AutoCloseable {

    private static final Logger log = System.getLogger(EdgeController.class.getName());

    private final EdgeConfig config;
    private final Journal journal;
    private final CentralLink central;
    private final GateController gates;
    private final Supervisor supervisor;
    private final Replayer replayer;
    private final QuotaKeeper quota;
    private final Map<String, SimulatedLane> simulated = new LinkedHashMap<>();
    private final MqttPlateFeed plates;

    public EdgeController(EdgeConfig config) {
        this.config = config;
        this.journal = new Journal(config.journal(), config.lotId());
        this.central = new CentralLink(config, config.clock());
        this.plates = config.mqttUrl().isBlank()
                ? null
                : new MqttPlateFeed(
                        config.mqttUrl(), "parkline-edge-" + config.lotId(), config.mqttTopics(), config.clock());
        Map<String, Lane> lanes = new LinkedHashMap<>();
        for (EdgeConfig.GateConfig gate : config.gates()) {
            SimulatedLane lane = new SimulatedLane();
            simulated.put(gate.gateId(), lane);
            PlateCamera camera = plates == null ? lane : plates.camera(gate.cameraId());
            lanes.put(gate.gateId(), new Lane(lane, lane, camera, lane, lane));
        }
        PricingSnapshot pricing = new PricingSnapshot(journal);
        GateModes modes = new GateModes(journal);
        this.gates =
                new GateController(config, journal, central, pricing, PermitSource.NONE, modes, lanes, config.clock());
        this.replayer = new Replayer(config.lotId(), journal, central, config.clock());
        this.quota = new QuotaKeeper(config, journal, central);
        this.supervisor = new Supervisor(
                config,
                central,
                new CommandPuller(config, journal, central, modes, lanes),
                replayer,
                quota,
                pricing,
                lanes);
    }

    public EdgeController start() {
        if (plates != null) {
            try {
                plates.start();
            } catch (IllegalStateException e) {
                log.log(Level.WARNING, "Plate feed unavailable, lanes run without plates: {0}", e.getMessage());
            }
        }
        supervisor.start();
        return this;
    }

    /** Replays what is left in the journal, then gives every unused quota place back (decommissioning). */
    public void returnQuota() {
        replayer.drain();
        quota.returnAll();
    }

    public GateController gates() {
        return gates;
    }

    public SimulatedLane lane(String gateId) {
        return simulated.get(gateId);
    }

    public CentralLink central() {
        return central;
    }

    public Journal journal() {
        return journal;
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    public EdgeConfig config() {
        return config;
    }

    public MqttPlateFeed plateFeed() {
        return plates;
    }

    @Override
    public void close() {
        supervisor.close();
        if (plates != null) plates.close();
        journal.close();
    }
}
