package org.parkline.edge;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The controller's heartbeat: probes central (pulling gate commands), and when central answers after an outage,
 * replays the journal, then resumes online decisions and refreshes the quota and the pricing snapshot. Also
 * watches the payment provider apart from central, and keeps each display's mode line true.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger log = System.getLogger(Supervisor.class.getName());

    private final EdgeConfig config;
    private final CentralLink central;
    private final CommandPuller commands;
    private final Replayer replayer;
    private final QuotaKeeper quota;
    private final PricingSnapshot pricing;
    private final Map<String, Lane> lanes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "edge-supervisor");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean pspReachable = true;
    private volatile long lastReplayed;
    private long lastRefresh;
    /** Quota top-up and tariff check while online; a published tariff reaches the edge within this. */
    private static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(30);

    public Supervisor(
            EdgeConfig config,
            CentralLink central,
            CommandPuller commands,
            Replayer replayer,
            QuotaKeeper quota,
            PricingSnapshot pricing,
            Map<String, Lane> lanes) {
        this.config = config;
        this.central = central;
        this.commands = commands;
        this.replayer = replayer;
        this.quota = quota;
        this.pricing = pricing;
        this.lanes = lanes;
    }

    public void start() {
        tick();
        long ms = config.syncInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One round; safe to call from a test. */
    public synchronized void tick() {
        boolean wasOnline = central.online();
        try {
            commands.pull();
            // also online: an offline decision may have raced the switch back; its event goes now
            int replayed = replayer.drain();
            if (replayed > 0) {
                lastReplayed = replayed;
                log.log(Level.INFO, "Replayed {0} offline events", replayed);
            }
            long now = System.nanoTime();
            if (!wasOnline || replayed > 0 || now - lastRefresh > REFRESH.toNanos()) {
                pricing.refresh(central.gate(config.gates().getFirst().gateId()), config.lotId());
                quota.sync();
                lastRefresh = now;
            }
            if (!wasOnline) {
                central.restored();
                log.log(Level.INFO, "Central reachable: online decisions resumed");
            }
        } catch (RuntimeException e) {
            if (CentralLink.isOutage(e)) {
                if (wasOnline) log.log(Level.WARNING, "Central unreachable: offline mode ({0})", e.getMessage());
                central.lost();
            } else {
                log.log(Level.ERROR, "Sync with central failed", e);
                if (!wasOnline) central.lost();
            }
        }
        watchPaymentProvider();
        showMode();
    }

    public boolean paymentProviderReachable() {
        return pspReachable;
    }

    public long lastReplayed() {
        return lastReplayed;
    }

    private void watchPaymentProvider() {
        boolean reachable = lanes.values().stream().allMatch(l -> l.card().providerReachable());
        if (reachable != pspReachable) {
            log.log(
                    Level.WARNING,
                    reachable ? "Payment provider reachable again" : "Payment provider unreachable: cash only");
        }
        pspReachable = reachable;
    }

    private void showMode() {
        if (central.online() && pspReachable) return;
        String line = !central.online() ? "OFFLINE MODE" : "CARD PAYMENTS UNAVAILABLE: CASH ONLY";
        for (Map.Entry<String, Lane> lane : lanes.entrySet()) {
            if (config.gate(lane.getKey()).direction() == EdgeConfig.Direction.EXIT || !central.online()) {
                lane.getValue().display().show(line);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
