package org.vigil.workforce.simulation;

import java.util.SplittableRandom;
import org.vigil.workforce.stats.StandardNormal;

/**
 * Successive draws of one duration distribution (handling time or patience), seconds, each from exactly one
 * open uniform of its own random stream (none for infinite patience). See {@link HandleTime} and
 * {@link Patience} for the transforms.
 */
final class DurationStream {

    private static final int EXPONENTIAL = 0;
    private static final int LOGNORMAL = 1;
    private static final int FIXED = 2;
    private static final int NEVER = 3;

    private final int kind;
    private final double scale;
    private final double mu;
    private final double sigma;
    private final SplittableRandom random;

    private DurationStream(int kind, double scale, double mu, double sigma, SplittableRandom random) {
        this.kind = kind;
        this.scale = scale;
        this.mu = mu;
        this.sigma = sigma;
        this.random = random;
    }

    static DurationStream of(HandleTime handleTime, SplittableRandom random) {
        return switch (handleTime) {
            case HandleTime.Exponential exponential -> new DurationStream(EXPONENTIAL, exponential.meanSeconds(), 0, 0,
                    random);
            case HandleTime.Lognormal lognormal -> new DurationStream(LOGNORMAL, 0, lognormal.mu(), lognormal.sigma(),
                    random);
            case HandleTime.Deterministic deterministic -> new DurationStream(FIXED, deterministic.seconds(), 0, 0,
                    random);
        };
    }

    static DurationStream of(Patience patience, SplittableRandom random) {
        return patience.isInfinite()
                ? new DurationStream(NEVER, Double.POSITIVE_INFINITY, 0, 0, random)
                : new DurationStream(EXPONENTIAL, patience.meanSeconds(), 0, 0, random);
    }

    /** The next duration, seconds; {@code +∞} for patience that never runs out. */
    double next() {
        switch (kind) {
            case EXPONENTIAL:
                return -scale * StrictMath.log(RandomStreams.openUniform(random));
            case LOGNORMAL:
                return StrictMath.exp(mu + sigma * StandardNormal.quantile(RandomStreams.openUniform(random)));
            case FIXED:
                random.nextLong();
                return scale;
            default:
                return scale;
        }
    }
}
