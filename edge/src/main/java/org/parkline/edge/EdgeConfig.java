package org.parkline.edge;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.parkline.client.VehicleType;

/**
 * A lot controller's configuration, from a properties file (docs/edge.md lists every key): which lot, which gates
 * with their device keys, the central URL, the offline quota and what to do when it is spent, the journal file,
 * the MQTT plate feed.
 */
public record EdgeConfig(
        String lotId,
        String centralUrl,
        Duration centralTimeout,
        String lotApiKey,
        List<GateConfig> gates,
        Map<VehicleType, Integer> quota,
        QuotaExhausted whenQuotaSpent,
        Path journal,
        Duration syncInterval,
        String mqttUrl,
        List<String> mqttTopics,
        double minPlateConfidence,
        int simPort,
        Clock clock) {

    /** What an entry gate does offline once its quota for the vehicle type is spent: the lot's policy. */
    public enum QuotaExhausted {
        /** Refuse entry: only places central set aside are filled. */
        REFUSE,
        /** Admit without a guaranteed place; the replay allocates one if any is left, else records over-capacity. */
        ADMIT_UNGUARANTEED,
        /** Admit only plates with a permit allowing ticketless entry. */
        PERMITS_ONLY
    }

    public enum Direction {
        ENTRY,
        EXIT
    }

    /** A gate this controller runs, with its device key and the camera id its plate events carry. */
    public record GateConfig(String gateId, Direction direction, String apiKey, String cameraId) {}

    public static EdgeConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return from(p);
    }

    public static EdgeConfig from(Properties p) {
        String lotId = required(p, "lot.id");
        List<GateConfig> gates = new ArrayList<>();
        for (String gateId : required(p, "gates").split(",")) {
            String id = gateId.strip();
            gates.add(new GateConfig(
                    id,
                    Direction.valueOf(required(p, "gate." + id + ".direction")),
                    required(p, "gate." + id + ".apiKey"),
                    p.getProperty("gate." + id + ".camera", id)));
        }
        Map<VehicleType, Integer> quota = new LinkedHashMap<>();
        for (VehicleType type : VehicleType.values()) {
            String value = p.getProperty("quota." + type.name());
            if (value != null) quota.put(type, Integer.parseInt(value.strip()));
        }
        String mqttTopics = p.getProperty("mqtt.topics", "parkline/plates/#");
        return new EdgeConfig(
                lotId,
                required(p, "central.url"),
                Duration.parse(p.getProperty("central.timeout", "PT1.5S")),
                p.getProperty("lot.apiKey", "").strip(),
                List.copyOf(gates),
                Map.copyOf(quota),
                QuotaExhausted.valueOf(p.getProperty("quota.exhausted", "REFUSE")),
                Path.of(p.getProperty("journal.path", "edge-journal.db")),
                Duration.parse(p.getProperty("sync.interval", "PT1S")),
                p.getProperty("mqtt.url", ""),
                List.of(mqttTopics.split(",")).stream().map(String::strip).toList(),
                Double.parseDouble(p.getProperty("mqtt.minConfidence", "0.7")),
                Integer.parseInt(p.getProperty("sim.port", "-1")),
                clock(p.getProperty("clock", "system")));
    }

    public GateConfig gate(String gateId) {
        return gates.stream()
                .filter(g -> g.gateId().equals(gateId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("gate " + gateId + " is not configured"));
    }

    /**
     * {@code system}, or {@code accelerated:<start instant>:<wall epoch ms>:<factor>} for demos and tests: time
     * runs {@code factor} times faster from {@code start} at that wall-clock moment, the same across restarts.
     */
    static Clock clock(String spec) {
        if (spec.equals("system")) return Clock.systemUTC();
        String[] parts = spec.split(":", 2)[1].split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("clock: accelerated:<instant>|<wall epoch ms>|<factor>");
        }
        return new AcceleratedClock(Instant.parse(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("missing setting " + key);
        return value.strip();
    }
}
