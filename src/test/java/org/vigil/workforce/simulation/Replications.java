package org.vigil.workforce.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * Estimates from independent replications (one seed each) with a two-sided 99.9% Student-t confidence interval
 * for the replication mean.
 *
 * <p>The replications are independent and identically distributed, so the t interval is valid whatever the
 * autocorrelation inside one run; each replication's estimate is an average over tens of thousands of items, so
 * it is close to normal, which is the t interval's assumption. The seeds are fixed, so every check is
 * deterministic; the 99.9% level is the probability that a correct simulator passes one such check for seeds
 * chosen at random.
 */
final class Replications<T> {

    static final int COUNT = 20;
    /** {@code t_{0.9995}} with {@code COUNT − 1 = 19} degrees of freedom. */
    static final double T_QUANTILE = 3.8834;

    private final List<T> runs;

    private Replications(List<T> runs) {
        this.runs = runs;
    }

    /** Runs {@code run} for the seeds {@code firstSeed, firstSeed + 1, …, firstSeed + COUNT − 1}. */
    static <T> Replications<T> of(long firstSeed, LongFunction<T> run) {
        List<T> runs = new ArrayList<>(COUNT);
        for (int r = 0; r < COUNT; r++) {
            runs.add(run.apply(firstSeed + r));
        }
        return new Replications<>(runs);
    }

    Interval interval(ToDoubleFunction<T> estimate) {
        double sum = 0;
        double[] values = new double[COUNT];
        for (int r = 0; r < COUNT; r++) {
            values[r] = estimate.applyAsDouble(runs.get(r));
            sum += values[r];
        }
        double mean = sum / COUNT;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double standardError = Math.sqrt(squares / (COUNT - 1) / COUNT);
        return new Interval(mean, T_QUANTILE * standardError);
    }

    /** {@code mean ± halfWidth}. */
    record Interval(double mean, double halfWidth) {

        boolean contains(double value) {
            return Math.abs(value - mean) <= halfWidth;
        }

        @Override
        public String toString() {
            return mean + " ± " + halfWidth;
        }
    }
}
