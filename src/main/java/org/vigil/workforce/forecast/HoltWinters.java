package org.vigil.workforce.forecast;

import java.util.function.ToDoubleFunction;

/**
 * Double seasonal additive Holt-Winters exponential smoothing after Taylor, J.W. (2003),
 * "Short-term electricity demand forecasting using double seasonal exponential smoothing",
 * <i>Journal of the Operational Research Society</i> 54:799–805.
 *
 * <p><b>Model.</b> A level {@code L}, an optional damped trend {@code T}, a daily cycle {@code D}
 * of {@code dailyPeriod} slots and a weekly cycle {@code W} of {@code weeklyPeriod} slots; the
 * weekly cycle carries what the daily one cannot (day-of-week effects and how the daily shape
 * differs between days). Taylor's paper states the method with an additive trend and multiplicative seasonal
 * indices;
 * this is its additive form, because queues are often empty at night and multiplicative indices
 * built on zero counts are unstable. For an observation {@code y_t}, with
 * {@code D = D_{t-s1}}, {@code W = W_{t-s2}} and {@code r} the previous unadjusted residual:
 * <pre>
 *   L_t = alpha (y_t - D - W) + (1 - alpha)(L_{t-1} + psi T_{t-1})
 *   T_t = gamma (L_t - L_{t-1}) + (1 - gamma) psi T_{t-1}
 *   D_t = delta (y_t - L_t - W) + (1 - delta) D
 *   W_t = omega (y_t - L_t - D) + (1 - omega) W
 *   r_t = y_t - (L_{t-1} + psi T_{t-1} + D + W)
 *   forecast k steps ahead:
 *   y_t(k) = L_t + (psi + ... + psi^k) T_t + D_{t-s1+k} + W_{t-s2+k} + phi^k r_t
 * </pre>
 * Seasonal slots beyond one cycle ahead reuse the latest estimate of the slot. The {@code phi^k r_t}
 * term is Taylor's first-order autoregressive adjustment for residual autocorrelation; the damped
 * trend (when enabled) follows Gardner &amp; McKenzie (1985), without it {@code T = 0}.
 *
 * <p><b>Initialisation.</b> The state as of just before the first interval is estimated from an
 * initialisation window at the start of the history: the first two weeks for the double seasonal
 * model; for daily-only, the first half of the whole days, between one and seven. Level: the window
 * mean (with a trend, the change between the two weekly means gives the per-interval trend, and
 * the level is that line extended back to the start). Daily seasonal: each time-of-day's mean
 * deviation from the level line over the window's days, centred to sum to zero. Weekly seasonal:
 * each time-of-week's mean remainder over the window's weeks once the line and the daily component
 * are removed, centred to sum to zero. Daily-only models start without trend, because day-of-week
 * effects would bias a day-to-day slope.
 *
 * <p><b>Estimation.</b> The parameters minimise the sum of squared one-step errors (including the
 * AR adjustment) over the history after the initialisation window, so the criterion is not
 * flattered by data the initial state was computed from; when less than a day follows the window (exactly two weeks of history) the errors from the
 * second week on are used instead. A coarse grid gives the starting point and a box-constrained
 * Nelder–Mead search with restarts refines it within a fixed budget of 500 objective
 * evaluations (about 4 ms for four weeks of 30-minute data). Ranges: {@code alpha, gamma, delta, omega} in [0, 1], {@code phi} in [0, 0.99],
 * {@code psi} in [0.95, 0.999].
 *
 * <p><b>Seasonality fallback.</b> With at least {@code 2 * weeklyPeriod} intervals (two weeks) the
 * double seasonal model is fitted. With fewer, but at least {@code 2 * dailyPeriod} (two days), the
 * weekly component is dropped and daily-only Holt-Winters is fitted. With fewer than two days,
 * {@link #fit} throws {@link IllegalArgumentException}; use {@link SeasonalNaive} or wait for data.
 * The fitted model's description says which structure was used.
 *
 * <p><b>Prediction intervals.</b> The quasi-Poisson dispersion {@code kappa} is the mean of
 * {@code e_t^2 / max(yhat_t, 1)} over the same one-step errors the parameters were fitted on. The
 * k-step error variance is approximated as {@code kappa * max(yhat(k), 1) * (c_0^2 + ... + c_{k-1}^2)}, where {@code c_m}
 * is the response of the recursion, {@code m} steps later, to a unit one-step error: the exact
 * variance of the innovations state space form of these equations with independent errors. It
 * ignores parameter and initial-state uncertainty, and treats the AR adjustment as part of that
 * state space form. Bounds are Gaussian and clamped at zero (see {@link Forecast}).
 *
 * @param dailyPeriod intervals per day (48 for 30-minute data), at least 2
 * @param weeklyPeriod intervals per week (336 for 30-minute data), a multiple of the daily period
 *     greater than it, or 0 for a daily-only model
 * @param dampedTrend whether to include a damped additive trend
 */
public record HoltWinters(int dailyPeriod, int weeklyPeriod, boolean dampedTrend) implements Forecaster {

    static final int EVALUATION_BUDGET = 500;

    /** Validates the periods. */
    public HoltWinters {
        if (dailyPeriod < 2) {
            throw new IllegalArgumentException("daily period must be at least 2, got " + dailyPeriod);
        }
        if (weeklyPeriod != 0 && (weeklyPeriod <= dailyPeriod || weeklyPeriod % dailyPeriod != 0)) {
            throw new IllegalArgumentException("weekly period must be 0 or a multiple of the daily period "
                    + dailyPeriod + " greater than it, got " + weeklyPeriod);
        }
    }

    /** Daily (48) and weekly (336) seasonality of 30-minute intervals, no trend. */
    public static HoltWinters doubleSeasonal() {
        return new HoltWinters(48, 336, false);
    }

    /** The same model with a damped additive trend. */
    public HoltWinters withDampedTrend() {
        return new HoltWinters(dailyPeriod, weeklyPeriod, true);
    }

    @Override
    public String name() {
        return "HoltWinters(" + dailyPeriod + "," + weeklyPeriod + (dampedTrend ? ",damped" : "") + ")";
    }

    @Override
    public int minimumHistory() {
        return 2 * dailyPeriod;
    }

    @Override
    public FittedModel fit(Series history) {
        int n = history.size();
        if (n < minimumHistory()) {
            throw new IllegalArgumentException(name() + " needs at least " + minimumHistory()
                    + " intervals (two days) of history, got " + n);
        }
        double[] y = history.unsafeValues();
        int weekly = weeklyPeriod > 0 && n >= 2 * weeklyPeriod ? weeklyPeriod : 0;
        int window = initialisationWindow(n, weekly);
        HoltWintersState initial = HoltWintersState.initial(y, window, dailyPeriod, weekly, dampedTrend);
        int scoreFrom = n - window >= dailyPeriod ? window : (weekly > 0 ? weekly : dailyPeriod);
        ParameterSpace space = new ParameterSpace(weekly > 0, dampedTrend);
        ToDoubleFunction<double[]> objective =
                u -> initial.copy().sumOfSquaredErrors(y, space.at(u), scoreFrom);

        double[] start = space.bestOfGrid(objective);
        int gridEvaluations = space.gridSize();
        NelderMead.Result best = NelderMead.minimise(
                objective, start, 0.1, Math.max(EVALUATION_BUDGET - gridEvaluations, 50));
        SmoothingParameters parameters = space.at(best.point());

        HoltWintersState state = initial.copy();
        double dispersionSum = 0;
        for (int t = 0; t < n; t++) {
            double e = state.step(y[t], parameters);
            if (t >= scoreFrom) {
                double predicted = y[t] - e;
                dispersionSum += e * e / PredictionBands.countScale(predicted);
            }
        }
        double dispersion = dispersionSum / (n - scoreFrom);
        return new HoltWintersFit(this, history, weekly, parameters, state, dispersion,
                Math.sqrt(best.value() / (n - scoreFrom)));
    }

    /**
     * The intervals used to initialise the state: two weeks for the double seasonal model; for
     * daily-only, half the whole days of history, between one and seven days.
     */
    private int initialisationWindow(int n, int weekly) {
        if (weekly > 0) {
            return 2 * weekly;
        }
        int days = n / dailyPeriod;
        return Math.min(7, Math.max(1, days / 2)) * dailyPeriod;
    }

    /** Maps the unit cube searched by Nelder–Mead to parameter values, and holds the starting grid. */
    private record ParameterSpace(boolean weekly, boolean trend) {

        private static final double[] SMOOTHING_GRID = {0.01, 0.05, 0.2};
        private static final double[] AR_GRID = {0.0, 0.5, 0.9};

        int dimensions() {
            return 3 + (weekly ? 1 : 0) + (trend ? 2 : 0);
        }

        /** Layout: alpha, delta, phi, [omega], [gamma, psi]. */
        SmoothingParameters at(double[] u) {
            int i = 3;
            double alpha = u[0];
            double delta = u[1];
            double phi = 0.99 * u[2];
            double omega = weekly ? u[i++] : 0.0;
            double gamma = trend ? u[i++] : 0.0;
            double psi = trend ? 0.95 + 0.049 * u[i] : 1.0;
            return new SmoothingParameters(alpha, gamma, psi, delta, omega, phi);
        }

        int gridSize() {
            int size = SMOOTHING_GRID.length * SMOOTHING_GRID.length * AR_GRID.length;
            return weekly ? size * SMOOTHING_GRID.length : size;
        }

        /** The best point of a coarse grid over alpha, delta, phi and omega (trend starts small). */
        double[] bestOfGrid(ToDoubleFunction<double[]> objective) {
            double[] best = null;
            double bestValue = Double.POSITIVE_INFINITY;
            double[] omegas = weekly ? SMOOTHING_GRID : new double[] {0.0};
            for (double alpha : SMOOTHING_GRID) {
                for (double delta : SMOOTHING_GRID) {
                    for (double ar : AR_GRID) {
                        for (double omega : omegas) {
                            double[] u = new double[dimensions()];
                            u[0] = alpha;
                            u[1] = delta;
                            u[2] = ar / 0.99;
                            int i = 3;
                            if (weekly) {
                                u[i++] = omega;
                            }
                            if (trend) {
                                u[i++] = 0.01;
                                u[i] = 0.5;
                            }
                            double value = objective.applyAsDouble(u);
                            if (value < bestValue) {
                                bestValue = value;
                                best = u;
                            }
                        }
                    }
                }
            }
            return best;
        }
    }
}
