package org.vigil.workforce.forecast;

import java.util.Locale;

/** A fitted {@link HoltWinters} model; see there for the equations and interval method. */
final class HoltWintersFit implements FittedModel {

    private final HoltWinters method;
    private final Series history;
    private final int weeklyPeriod;
    private final SmoothingParameters parameters;
    private final HoltWintersState state;
    private final double dispersion;
    private final String description;

    HoltWintersFit(HoltWinters method, Series history, int weeklyPeriod, SmoothingParameters parameters,
            HoltWintersState state, double dispersion, double oneStepRmse) {
        this.method = method;
        this.history = history;
        this.weeklyPeriod = weeklyPeriod;
        this.parameters = parameters;
        this.state = state;
        this.dispersion = dispersion;
        String structure = weeklyPeriod > 0
                ? "double seasonal " + method.dailyPeriod() + "/" + weeklyPeriod
                : "daily-only " + method.dailyPeriod() + " (history shorter than two weekly seasons)";
        this.description = String.format(Locale.ROOT, "%s %s%s on %d intervals: %s, one-step RMSE %.3f, dispersion %.3f",
                method.name(), structure, method.dampedTrend() ? ", damped trend" : "", history.size(),
                parameters, oneStepRmse, dispersion);
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
        double[] point = state.forecast(horizon, parameters);
        double[] weights = cumulativeSquaredErrorWeights(method.dailyPeriod(), weeklyPeriod, parameters, horizon);
        double[] variance = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            variance[k] = dispersion * PredictionBands.countScale(point[k]) * weights[k];
        }
        return PredictionBands.of(description, history, confidence, point, variance);
    }

    boolean isDoubleSeasonal() {
        return weeklyPeriod > 0;
    }

    SmoothingParameters parameters() {
        return parameters;
    }

    double dispersion() {
        return dispersion;
    }

    /**
     * {@code c_0^2 + ... + c_{k-1}^2} for {@code k = 1..horizon}, where {@code c_m} is the change
     * in the observation {@code m} steps after a unit one-step error, found by driving a zero state
     * with that single shock and then with its own forecasts.
     */
    static double[] cumulativeSquaredErrorWeights(int dailyPeriod, int weeklyPeriod, SmoothingParameters parameters,
            int horizon) {
        HoltWintersState impulse = HoltWintersState.zero(dailyPeriod, weeklyPeriod);
        double[] cumulative = new double[horizon];
        double response = 1.0;
        double sum = 0;
        for (int m = 0; m < horizon; m++) {
            sum += response * response;
            cumulative[m] = sum;
            impulse.step(response, parameters);
            response = impulse.nextForecast(parameters);
        }
        return cumulative;
    }
}
