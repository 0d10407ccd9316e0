package org.parkline.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parkline.edge.journal.Journal;

/** Each gate's status as central last commanded it (kept in the journal, so a restart keeps a forced state). */
public final class GateModes {

    public enum Mode {
        NORMAL,
        FORCED_OPEN,
        FORCED_CLOSED
    }

    private final Journal journal;
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();

    public GateModes(Journal journal) {
        this.journal = journal;
    }

    public Mode of(String gateId) {
        return modes.computeIfAbsent(
                gateId,
                id -> journal.meta("gate." + id + ".mode").map(Mode::valueOf).orElse(Mode.NORMAL));
    }

    void set(String gateId, Mode mode) {
        journal.saveMeta("gate." + gateId + ".mode", mode.name());
        modes.put(gateId, mode);
    }
}
