package org.parkline.server.lots;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps what was found for a short while: read-mostly settings every gate request needs. Misses are not kept, so
 * a lot created a moment ago is found at once; a changed setting shows within the time to live.
 */
final class ShortLived<V> {

    private record Entry<V>(V value, long expiresAtNanos) {}

    private final long ttlNanos;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    ShortLived(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<V> get(String key, Supplier<Optional<V>> load) {
        Entry<V> entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && now - entry.expiresAtNanos() < 0) return Optional.of(entry.value());
        Optional<V> loaded = load.get();
        loaded.ifPresentOrElse(v -> entries.put(key, new Entry<>(v, now + ttlNanos)), () -> entries.remove(key));
        return loaded;
    }

    /** Drops what is kept for a key: the next {@link #get} loads it afresh. */
    void forget(String key) {
        entries.remove(key);
    }
}
