package org.vigil.workforce.simulation;

import java.util.SplittableRandom;

/**
 * The random streams of one queue, derived from the run's seed and the queue's name only.
 *
 * <p>The name is hashed with 64-bit FNV-1a over its UTF-16 code units; the hash is finalised with the
 * SplitMix64 mixer, combined with the seed by exclusive or, and mixed again to seed a {@link SplittableRandom}.
 * Three independent streams are split from it, in this order: arrivals, handling times, patience. A queue's
 * streams therefore do not depend on which other queues exist, on their order in the plan, on staffing, or on
 * any other queue's draws.
 */
final class RandomStreams {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    final SplittableRandom arrivals;
    final SplittableRandom handleTimes;
    final SplittableRandom patience;

    RandomStreams(long seed, String queueName) {
        SplittableRandom root = new SplittableRandom(mix(seed ^ mix(fnv1a(queueName))));
        this.arrivals = root.split();
        this.handleTimes = root.split();
        this.patience = root.split();
    }

    /** A uniform variate in the open interval {@code (0, 1)}: {@code (⌊x / 2^11⌋ + ½)·2^-53} for a 64-bit draw x. */
    static double openUniform(SplittableRandom random) {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    static long fnv1a(String text) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** The SplitMix64 finaliser (Stafford's variant 13): a bijection on 64-bit values with full avalanche. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
