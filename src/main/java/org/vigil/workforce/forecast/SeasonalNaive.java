package org.vigil.workforce.forecast;

import java.util.Locale;

/**
 * Seasonal naive forecasting: each future interval gets the value observed one season earlier, or
 * whole seasons earlier for horizons beyond one season ({@code y[n-1+k - period*ceil(k/period)]}).
 *
 * <p><b>Prediction intervals.</b> For a forecast {@code m = ceil(k/period)} seasons ahead the
 * error is {@code y[t] - y[t - m*period]}. The fit measures that error directly on the history for
 * every {@code m} that leaves at least one full season of such pairs, as a quasi-Poisson dispersion
 * {@code kappa_m = mean((y[t] - y[t - m*period])^2 / max(y[t - m*period], 1))}. The error variance
 * of a step is {@code kappa_m * max(point, 1)} (see {@link PredictionBands}). For {@code m} beyond
 * the largest measurable {@code M} the variance grows like a seasonal random walk:
 * {@code kappa_m = kappa_M * m / M}, the horizon scaling of Hyndman &amp; Athanasopoulos
 * (<i>Forecasting: Principles and Practice</i>, benchmark methods). Measuring each lag directly
 * keeps the bands honest both for stable series (error variance flat in {@code m}) and drifting
 * ones (error variance growing in {@code m}).
 *
 * <p>Needs at least two seasons of history ({@code 2 * period} values).
 *
 * @param period the season length in intervals: 48 for a day and 336 for a week of 30-minute intervals
 */
public record SeasonalNaive(int period) implements Forecaster {

    /** Validates the period. */
    public SeasonalNaive {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, got " + period);
        }
    }

    /** Same time yesterday, for 30-minute intervals. */
    public static SeasonalNaive daily() {
        return new SeasonalNaive(48);
    }

    /** Same time last week, for 30-minute intervals. */
    public static SeasonalNaive weekly() {
        return new SeasonalNaive(336);
    }

    @Override
    public String name() {
        return "SeasonalNaive(" + period + ")";
    }

    @Override
    public int minimumHistory() {
        return 2 * period;
    }

    @Override
    public FittedModel fit(Series history) {
        if (history.size() < minimumHistory()) {
            throw new IllegalArgumentException(name() + " needs at least " + minimumHistory()
                    + " intervals (two seasons) of history, got " + history.size());
        }
        return new Fitted(history);
    }

    private final class Fitted implements FittedModel {

        private final Series history;
        private final double[] y;
        private final int largestMeasuredLag;
        private final String description;

        Fitted(Series history) {
            this.history = history;
            this.y = history.unsafeValues();
            this.largestMeasuredLag = (y.length - period) / period;
            this.description = name() + " on " + y.length + " intervals, dispersion one season ahead "
                    + String.format(Locale.ROOT, "%.3f", dispersion(1));
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Forecast forecast(int horizon, double confidence) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
            }
            int n = y.length;
            int seasonsAhead = (horizon + period - 1) / period;
            double[] kappa = new double[seasonsAhead + 1];
            for (int m = 1; m <= seasonsAhead; m++) {
                kappa[m] = m <= largestMeasuredLag
                        ? dispersion(m)
                        : dispersion(largestMeasuredLag) * m / largestMeasuredLag;
            }
            double[] point = new double[horizon];
            double[] variance = new double[horizon];
            for (int k = 1; k <= horizon; k++) {
                int m = (k + period - 1) / period;
                double p = y[n - 1 + k - m * period];
                point[k - 1] = p;
                variance[k - 1] = kappa[m] * PredictionBands.countScale(p);
            }
            return PredictionBands.of(description(), history, confidence, point, variance);
        }

        private double dispersion(int seasons) {
            int lag = seasons * period;
            double sum = 0;
            for (int t = lag; t < y.length; t++) {
                double previous = y[t - lag];
                double e = y[t] - previous;
                sum += e * e / PredictionBands.countScale(previous);
            }
            return sum / (y.length - lag);
        }
    }
}
