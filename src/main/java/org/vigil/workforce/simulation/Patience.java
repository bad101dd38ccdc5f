package org.vigil.workforce.simulation;

/**
 * How long a waiting item stays in the queue before it abandons, in seconds.
 *
 * <p>With a finite mean, each item's patience is exponential with that mean (the M/M/n+M model of Erlang A),
 * drawn once when the item arrives from its queue's own patience stream as {@code −mean·ln u},
 * {@code u ∈ (0, 1)}. An item abandons at the instant {@code arrival + patience} if it has not been answered
 * before that instant; an agent that becomes free at exactly that instant does not get it. Patience runs only
 * while the item waits: once answered, an item is always handled to the end (non-preemptive).
 *
 * <p>{@link #INFINITE} (mean {@code +∞}) means items never abandon, and no patience is drawn.
 *
 * @param meanSeconds mean patience, seconds, {@code > 0}; {@code +∞} for items that never abandon
 */
public record Patience(double meanSeconds) {

    /** Items never abandon (Erlang C). */
    public static final Patience INFINITE = new Patience(Double.POSITIVE_INFINITY);

    public Patience {
        if (!(meanSeconds > 0)) {
            throw new IllegalArgumentException("patience meanSeconds must be > 0 (or +Infinity), was " + meanSeconds);
        }
    }

    /** Exponential patience with the given finite mean, seconds {@code > 0}. */
    public static Patience exponential(double meanSeconds) {
        if (Double.isInfinite(meanSeconds)) {
            throw new IllegalArgumentException("exponential patience meanSeconds must be finite; use Patience.INFINITE");
        }
        return new Patience(meanSeconds);
    }

    /** True when items never abandon. */
    public boolean isInfinite() {
        return meanSeconds == Double.POSITIVE_INFINITY;
    }
}
