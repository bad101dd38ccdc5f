package org.vigil.workforce.forecast;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one candidate did in a {@link Backtest}, or why it was not evaluated.
 *
 * <p>{@code wape} is {@code sum|actual - forecast| / sum(actual)} over all held-out intervals
 * (0.08 means 8%); when every held-out actual is zero it is 0 for a perfect forecast and positive
 * infinity otherwise. {@code mae} is the mean absolute error in cases per interval. For a skipped
 * candidate both are NaN, {@code points} is 0 and {@code skippedBecause} says why.
 *
 * @param candidate the {@link Forecaster#name()} of the candidate
 * @param wape weighted absolute percentage error, as a fraction
 * @param mae mean absolute error per interval
 * @param points the number of held-out intervals compared
 * @param skippedBecause null when evaluated, otherwise the reason it was not
 */
public record Score(String candidate, double wape, double mae, int points, @Nullable String skippedBecause) {

    /** Validates the record. */
    public Score {
        Objects.requireNonNull(candidate, "candidate");
    }

    static Score evaluated(String candidate, double wape, double mae, int points) {
        return new Score(candidate, wape, mae, points, null);
    }

    static Score skipped(String candidate, String reason) {
        return new Score(candidate, Double.NaN, Double.NaN, 0, reason);
    }

    /** Whether the candidate was backtested. */
    public boolean isEvaluated() {
        return skippedBecause == null;
    }
}
