package org.vigil.workforce.simulation;

/**
 * Distribution of the time an agent spends handling one item, in seconds.
 *
 * <p>Each item's handling time is drawn once, when the item arrives, from its queue's own handling-time stream
 * (see {@link Simulation}), whether it is then answered, abandons, or is still waiting at the end. The draw is
 * made from one uniform variate {@code u} in the open interval {@code (0, 1)}:
 * <ul>
 *   <li>{@link Exponential}: {@code −mean·ln u}; the M/M/n handling of Erlang C and Erlang A;</li>
 *   <li>{@link Lognormal}: {@code exp(μ + σ·Φ⁻¹(u))} with {@code σ² = ln(1 + CV²)} and
 *       {@code μ = ln(mean) − σ²/2}, so the mean and coefficient of variation are exactly the given ones;</li>
 *   <li>{@link Deterministic}: always the same value (a uniform is still consumed, keeping the stream aligned
 *       with the arrivals).</li>
 * </ul>
 */
public sealed interface HandleTime permits HandleTime.Exponential, HandleTime.Lognormal, HandleTime.Deterministic {

    /** Mean handling time, seconds. */
    double meanSeconds();

    /** Exponential handling times with the given mean (seconds, finite and {@code > 0}). */
    static HandleTime exponential(double meanSeconds) {
        return new Exponential(meanSeconds);
    }

    /**
     * Lognormal handling times with the given mean (seconds, finite and {@code > 0}) and coefficient of variation
     * (standard deviation / mean, finite and {@code ≥ 0}).
     */
    static HandleTime lognormal(double meanSeconds, double coefficientOfVariation) {
        return new Lognormal(meanSeconds, coefficientOfVariation);
    }

    /** Every item takes exactly {@code seconds} (finite and {@code > 0}). */
    static HandleTime deterministic(double seconds) {
        return new Deterministic(seconds);
    }

    /**
     * Exponentially distributed handling times.
     *
     * @param meanSeconds mean, seconds, finite and {@code > 0}
     */
    record Exponential(double meanSeconds) implements HandleTime {

        public Exponential {
            requirePositiveFinite(meanSeconds, "exponential handle time meanSeconds");
        }
    }

    /**
     * Lognormally distributed handling times, parameterised by their mean and coefficient of variation.
     *
     * @param meanSeconds            mean, seconds, finite and {@code > 0}
     * @param coefficientOfVariation standard deviation divided by the mean, finite and {@code ≥ 0}; 0 gives the
     *                               mean every time
     */
    record Lognormal(double meanSeconds, double coefficientOfVariation) implements HandleTime {

        public Lognormal {
            requirePositiveFinite(meanSeconds, "lognormal handle time meanSeconds");
            if (!(coefficientOfVariation >= 0) || Double.isInfinite(coefficientOfVariation)) {
                throw new IllegalArgumentException(
                        "lognormal handle time coefficientOfVariation must be a finite number >= 0, was "
                                + coefficientOfVariation);
            }
        }

        /** {@code σ = √ln(1 + CV²)}, the standard deviation of the logarithm of the handling time. */
        public double sigma() {
            return StrictMath.sqrt(StrictMath.log1p(coefficientOfVariation * coefficientOfVariation));
        }

        /** {@code μ = ln(mean) − σ²/2}, the mean of the logarithm of the handling time. */
        public double mu() {
            double sigma = sigma();
            return StrictMath.log(meanSeconds) - 0.5 * sigma * sigma;
        }
    }

    /**
     * The same handling time for every item.
     *
     * @param seconds handling time, seconds, finite and {@code > 0}
     */
    record Deterministic(double seconds) implements HandleTime {

        public Deterministic {
            requirePositiveFinite(seconds, "deterministic handle time seconds");
        }

        @Override
        public double meanSeconds() {
            return seconds;
        }
    }

    private static void requirePositiveFinite(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
    }
}
