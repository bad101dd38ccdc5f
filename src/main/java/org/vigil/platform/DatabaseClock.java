package org.vigil.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current instant at the precision PostgreSQL stores ({@code timestamptz} holds microseconds).
 * An instant taken at finer precision would round on the way in, up to half a microsecond later
 * than the instant the code goes on computing with: an event written "now" could then lie in the
 * future of the very evaluation that wrote it.
 */
public final class DatabaseClock {

    private DatabaseClock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
