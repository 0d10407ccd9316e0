package org.parkline.server.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Implemented by each capability that stores plates (tickets now; plate reads, permits and citations later), so
 * that retention, export and key rotation reach every plate without this package knowing their tables.
 */
public interface PlateRecords {

    /** The data class, as named in {@code parkline.privacy.retention.<name>}: {@code tickets}, ... */
    String name();

    /**
     * Erases the plate (hash, ciphertext, key id) of up to {@code limit} records that ended before the cutoff; the
     * rest of each record stays. Safe to run on several instances at once: rows are claimed with SKIP LOCKED.
     *
     * @return how many records lost their plate
     */
    int erasePlates(Instant endedBefore, int limit);

    /** Everything held about the plate with this look-up hash, as simple values (never the plate itself). */
    List<Map<String, Object>> export(byte[] plateHash);

    /**
     * Moves up to {@code limit} records whose plate is encrypted under a retired (configured) key to the current
     * key, in id order after {@code afterId} (null: from the start).
     *
     * @return the last id looked at, or null when there were no more
     */
    @Nullable
    String reencrypt(@Nullable String afterId, int limit);

    /** How many stored plates each encryption key id protects (to know when a retired key can go). */
    Map<String, Long> plateKeys();
}
