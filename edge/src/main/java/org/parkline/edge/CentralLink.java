package org.parkline.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.parkline.client.ParklineApiException;
import org.parkline.client.ParklineClient;
import org.parkline.client.ParklineTimeoutException;
import org.parkline.client.ParklineTransportException;

/**
 * The controller's connection to central: one API client per gate (each gate its own device key) and whether
 * central is reachable. A call that times out, fails on the wire or gets a 5xx marks central lost; only the
 * supervisor brings it back, once a probe succeeds and the journal is replayed, so no decision goes online while
 * offline events are still unknown to central. Counts the time spent offline.
 */
public final class CentralLink {

    private final Map<String, ParklineClient> clients = new LinkedHashMap<>();
    private final ParklineClient lotWide;
    private final Clock clock;
    private final AtomicBoolean online = new AtomicBoolean(false);
    private final AtomicReference<Instant> offlineSince;
    private volatile Duration offlineBefore = Duration.ZERO;
    private volatile int outages;

    public CentralLink(EdgeConfig config, Clock clock) {
        this.clock = clock;
        this.offlineSince = new AtomicReference<>(clock.instant());
        for (EdgeConfig.GateConfig gate : config.gates()) {
            clients.put(gate.gateId(), client(config, gate.apiKey()));
        }
        this.lotWide = config.lotApiKey().isBlank() ? null : client(config, config.lotApiKey());
    }

    private static ParklineClient client(EdgeConfig config, String apiKey) {
        return ParklineClient.builder(config.centralUrl())
                .apiKey("X-Api-Key", apiKey)
                .timeout(config.centralTimeout())
                .build();
    }

    /** The controller's lot-wide key (replays every gate's events in one request), if configured. */
    public java.util.Optional<ParklineClient> lotWide() {
        return java.util.Optional.ofNullable(lotWide);
    }

    public ParklineClient gate(String gateId) {
        ParklineClient client = clients.get(gateId);
        if (client == null) throw new IllegalArgumentException("gate " + gateId + " is not configured");
        return client;
    }

    public boolean online() {
        return online.get();
    }

    /** True for a failure that means central (not the request) is the problem. */
    public static boolean isOutage(RuntimeException e) {
        return e instanceof ParklineTimeoutException
                || e instanceof ParklineTransportException
                || (e instanceof ParklineApiException api && (api.status() >= 500 || api.status() == 429));
    }

    public void lost() {
        if (online.compareAndSet(true, false)) {
            offlineSince.set(clock.instant());
            outages++;
        }
    }

    public void restored() {
        if (online.compareAndSet(false, true)) {
            offlineBefore = offlineBefore.plus(Duration.between(offlineSince.get(), clock.instant()));
        }
    }

    /** Time spent offline so far, the current outage included. */
    public Duration offlineTotal() {
        return online.get() ? offlineBefore : offlineBefore.plus(Duration.between(offlineSince.get(), clock.instant()));
    }

    public int outages() {
        return outages;
    }
}
