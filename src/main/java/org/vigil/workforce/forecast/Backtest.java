package org.vigil.workforce.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * Rolling-origin holdout evaluation of a {@link Forecaster} on one series.
 *
 * <p>There are {@code origins} forecast origins, the last one {@code horizon} before the end of
 * the series and each earlier one a further {@code step} back. At every origin the candidate is
 * fitted on everything before the origin and forecasts the next {@code horizon}; the point
 * forecasts are compared with the actuals. Errors are pooled over all origins into one WAPE and
 * one MAE (see {@link Score}). With one origin this is the classic "hold out the last k days".
 *
 * @param horizon how far each origin forecasts; a whole number of series intervals
 * @param origins the number of forecast origins, at least 1
 * @param step the distance between consecutive origins; a whole number of series intervals
 */
public record Backtest(Duration horizon, int origins, Duration step) {

    /** Validates the record. */
    public Backtest {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(step, "step");
        if (horizon.isZero() || horizon.isNegative() || step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("horizon and step must be positive, got " + horizon + ", " + step);
        }
        if (origins < 1) {
            throw new IllegalArgumentException("origins must be at least 1, got " + origins);
        }
    }

    /** Holds out the last {@code days} days with a single origin. */
    public static Backtest lastDays(int days) {
        return new Backtest(Duration.ofDays(days), 1, Duration.ofDays(1));
    }

    /**
     * The default for a series: hold out the last 7 days, or fewer whole days when that would leave
     * less than half the history for fitting.
     *
     * @throws IllegalArgumentException if the series is shorter than two days or its interval does
     *     not divide a day
     */
    public static Backtest defaultFor(Series series) {
        int perDay = series.pointsIn(Duration.ofDays(1));
        int days = Math.min(7, series.size() / 2 / perDay);
        if (days < 1) {
            throw new IllegalArgumentException("backtesting needs at least two days of history ("
                    + 2 * perDay + " intervals), got " + series.size());
        }
        return lastDays(days);
    }

    /** The number of intervals the first (earliest) origin fits on. */
    public int trainingSize(Series series) {
        int span = series.pointsIn(horizon) + (origins - 1) * series.pointsIn(step);
        return series.size() - span;
    }

    /**
     * Backtests the candidate.
     *
     * @throws IllegalArgumentException if the series leaves no history before the first origin, or
     *     less than the candidate's {@link Forecaster#minimumHistory()}
     */
    public Score evaluate(Series series, Forecaster candidate) {
        int h = series.pointsIn(horizon);
        int stride = series.pointsIn(step);
        int firstOrigin = trainingSize(series);
        if (firstOrigin < Math.max(1, candidate.minimumHistory())) {
            throw new IllegalArgumentException(candidate.name() + " needs " + candidate.minimumHistory()
                    + " intervals before the first backtest origin, but only " + Math.max(firstOrigin, 0)
                    + " of " + series.size() + " remain after holding out " + this);
        }
        double absoluteError = 0;
        double actualTotal = 0;
        int points = 0;
        for (int o = 0; o < origins; o++) {
            int origin = firstOrigin + o * stride;
            Forecast forecast = candidate.fit(series.slice(0, origin)).forecast(h, 0.8);
            for (int k = 0; k < h; k++) {
                double actual = series.value(origin + k);
                absoluteError += Math.abs(actual - forecast.point(k));
                actualTotal += actual;
                points++;
            }
        }
        double wape = actualTotal > 0
                ? absoluteError / actualTotal
                : (absoluteError == 0 ? 0.0 : Double.POSITIVE_INFINITY);
        return Score.evaluated(candidate.name(), wape, absoluteError / points, points);
    }
}
