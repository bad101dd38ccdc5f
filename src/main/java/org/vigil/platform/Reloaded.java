package org.vigil.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A value read from the database and kept in memory, such as the current content policy: another
 * instance's change to it arrives within {@link #RELOAD} of a use. The first use after that serves the
 * value held and reads it again in the background, so no caller waits for a reload; a value is never
 * served older than {@link #OLDEST} (an instance idle that long reads it again first).
 */
public final class Reloaded<V> {

    public static final Duration RELOAD = Duration.ofSeconds(30);
    public static final Duration OLDEST = Duration.ofMinutes(2);

    private final LoadingCache<Boolean, V> held;

    public Reloaded(Supplier<V> load, Ticker ticker, Executor reloads) {
        this.held = Caffeine.newBuilder().ticker(ticker).executor(reloads)
                .refreshAfterWrite(RELOAD).expireAfterWrite(OLDEST)
                .build(any -> load.get());
    }

    public V get() {
        return held.get(true);
    }

    /** Reads the value again at its next use: after a change made on this instance. */
    public void invalidate() {
        held.invalidateAll();
    }
}
