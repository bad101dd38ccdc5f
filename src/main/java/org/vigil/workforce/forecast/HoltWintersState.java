package org.vigil.workforce.forecast;

/**
 * The mutable state of the double seasonal Holt-Winters recursion: level, trend, the two seasonal
 * cycles and the last unadjusted one-step residual. Seasonal slots are indexed relative to the
 * first interval of the series: {@code daily[t % dailyPeriod]}, {@code weekly[t % weeklyPeriod]}.
 * A weekly period of 0 means the weekly component is absent (daily-only Holt-Winters).
 */
final class HoltWintersState {

    private final int dailyPeriod;
    private final int weeklyPeriod;
    private final double[] daily;
    private final double[] weekly;
    private double level;
    private double trend;
    private double residual;
    private int dailySlot;
    private int weeklySlot;

    private HoltWintersState(int dailyPeriod, int weeklyPeriod) {
        this.dailyPeriod = dailyPeriod;
        this.weeklyPeriod = weeklyPeriod;
        this.daily = new double[dailyPeriod];
        this.weekly = new double[weeklyPeriod];
    }

    private HoltWintersState(HoltWintersState other) {
        this.dailyPeriod = other.dailyPeriod;
        this.weeklyPeriod = other.weeklyPeriod;
        this.daily = other.daily.clone();
        this.weekly = other.weekly.clone();
        this.level = other.level;
        this.trend = other.trend;
        this.residual = other.residual;
        this.dailySlot = other.dailySlot;
        this.weeklySlot = other.weeklySlot;
    }

    /** A state of zeros, whose response to a unit shock gives the forecast-error weights. */
    static HoltWintersState zero(int dailyPeriod, int weeklyPeriod) {
        return new HoltWintersState(dailyPeriod, weeklyPeriod);
    }

    /** A state set from explicit initial values (used to cross-check the recursion). */
    static HoltWintersState of(double level, double trend, double[] daily, double[] weekly) {
        HoltWintersState state = new HoltWintersState(daily.length, weekly.length);
        state.level = level;
        state.trend = trend;
        System.arraycopy(daily, 0, state.daily, 0, daily.length);
        System.arraycopy(weekly, 0, state.weekly, 0, weekly.length);
        return state;
    }

    /**
     * Initial state, as of just before the first interval, estimated from the first {@code window}
     * intervals (a whole number of weeks, or of days for daily-only models).
     *
     * <p>Level: the window mean (with a trend, the first-to-second-week change of the weekly means
     * gives the per-interval trend, and the level is the trend line extended back to just before the
     * first interval). Daily seasonal: the mean over the window's days of each time-of-day's
     * deviation from the level (trend) line, centred to sum to zero. Weekly seasonal: the mean over
     * the window's weeks of what remains at each time-of-week once the line and the daily component
     * are removed, centred to sum to zero. The trend starts at zero for daily-only models, where
     * day-of-week effects would bias a day-to-day slope.
     */
    static HoltWintersState initial(double[] y, int window, int dailyPeriod, int weeklyPeriod, boolean withTrend) {
        HoltWintersState state = new HoltWintersState(dailyPeriod, weeklyPeriod);
        double mean = mean(y, 0, window);
        double trend = 0;
        if (withTrend && weeklyPeriod > 0) {
            trend = (mean(y, weeklyPeriod, 2 * weeklyPeriod) - mean(y, 0, weeklyPeriod)) / weeklyPeriod;
        }
        double levelBefore = mean - trend * (window + 1) / 2.0;
        double[] deviation = new double[window];
        for (int t = 0; t < window; t++) {
            deviation[t] = y[t] - (levelBefore + trend * (t + 1));
        }
        int days = window / dailyPeriod;
        for (int t = 0; t < window; t++) {
            state.daily[t % dailyPeriod] += deviation[t] / days;
        }
        centre(state.daily);
        if (weeklyPeriod > 0) {
            int weeks = window / weeklyPeriod;
            for (int t = 0; t < window; t++) {
                state.weekly[t % weeklyPeriod] += (deviation[t] - state.daily[t % dailyPeriod]) / weeks;
            }
            centre(state.weekly);
        }
        state.level = levelBefore;
        state.trend = trend;
        return state;
    }

    HoltWintersState copy() {
        return new HoltWintersState(this);
    }

    /**
     * Consumes one observation and returns the one-step forecast error made for it, including
     * the AR(1) residual adjustment. Equations (Taylor 2003, additive form, damped trend):
     * <pre>
     *   base  = L + psi*T + D + W                 (D, W: the slots for this interval)
     *   e     = y - (base + phi * r)              (returned)
     *   L'    = alpha*(y - D - W) + (1-alpha)*(L + psi*T)
     *   T'    = gamma*(L' - L) + (1-gamma)*psi*T
     *   D'    = delta*(y - L' - W) + (1-delta)*D
     *   W'    = omega*(y - L' - D) + (1-omega)*W
     *   r'    = y - base
     * </pre>
     */
    double step(double y, SmoothingParameters p) {
        double d = daily[dailySlot];
        double w = weeklyPeriod > 0 ? weekly[weeklySlot] : 0.0;
        double dampedTrend = p.psi() * trend;
        double base = level + dampedTrend + d + w;
        double error = y - (base + p.phi() * residual);
        double newLevel = p.alpha() * (y - d - w) + (1 - p.alpha()) * (level + dampedTrend);
        trend = p.gamma() * (newLevel - level) + (1 - p.gamma()) * dampedTrend;
        daily[dailySlot] = p.delta() * (y - newLevel - w) + (1 - p.delta()) * d;
        if (weeklyPeriod > 0) {
            weekly[weeklySlot] = p.omega() * (y - newLevel - d) + (1 - p.omega()) * w;
            if (++weeklySlot == weeklyPeriod) {
                weeklySlot = 0;
            }
        }
        if (++dailySlot == dailyPeriod) {
            dailySlot = 0;
        }
        level = newLevel;
        residual = y - base;
        return error;
    }

    /** The one-step forecast for the next interval, including the residual adjustment. */
    double nextForecast(SmoothingParameters p) {
        double w = weeklyPeriod > 0 ? weekly[weeklySlot] : 0.0;
        return level + p.psi() * trend + daily[dailySlot] + w + p.phi() * residual;
    }

    /**
     * Runs the recursion over {@code y} and returns the sum of squared one-step errors from index
     * {@code scoreFrom} on. The same equations as {@link #step}, kept in local variables because
     * this is the loop the parameter search spends its time in.
     */
    double sumOfSquaredErrors(double[] y, SmoothingParameters p, int scoreFrom) {
        final double alpha = p.alpha();
        final double gamma = p.gamma();
        final double psi = p.psi();
        final double delta = p.delta();
        final double omega = p.omega();
        final double phi = p.phi();
        final boolean hasWeekly = weeklyPeriod > 0;
        final double[] d = daily;
        final double[] w = weekly;
        double l = level;
        double b = trend;
        double r = residual;
        int ds = dailySlot;
        int ws = weeklySlot;
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double yt = y[t];
            double dOld = d[ds];
            double wOld = hasWeekly ? w[ws] : 0.0;
            double dampedTrend = psi * b;
            double base = l + dampedTrend + dOld + wOld;
            double e = yt - (base + phi * r);
            if (t >= scoreFrom) {
                sum += e * e;
            }
            double newLevel = alpha * (yt - dOld - wOld) + (1 - alpha) * (l + dampedTrend);
            b = gamma * (newLevel - l) + (1 - gamma) * dampedTrend;
            d[ds] = delta * (yt - newLevel - wOld) + (1 - delta) * dOld;
            if (hasWeekly) {
                w[ws] = omega * (yt - newLevel - dOld) + (1 - omega) * wOld;
                if (++ws == weeklyPeriod) {
                    ws = 0;
                }
            }
            if (++ds == dailyPeriod) {
                ds = 0;
            }
            l = newLevel;
            r = yt - base;
        }
        level = l;
        trend = b;
        residual = r;
        dailySlot = ds;
        weeklySlot = ws;
        return sum;
    }

    /**
     * The k-step point forecasts {@code k = 1..horizon} from this state (Taylor 2003):
     * {@code L + (psi + ... + psi^k)*T + D + W + phi^k * r}, with the most recent estimate of each
     * seasonal slot. Unclamped.
     */
    double[] forecast(int horizon, SmoothingParameters p) {
        double[] point = new double[horizon];
        double trendSum = 0;
        double psiPower = 1;
        double phiPower = 1;
        int d = dailySlot;
        int w = weeklySlot;
        for (int k = 0; k < horizon; k++) {
            psiPower *= p.psi();
            phiPower *= p.phi();
            trendSum += psiPower * trend;
            double seasonal = daily[d] + (weeklyPeriod > 0 ? weekly[w] : 0.0);
            point[k] = level + trendSum + seasonal + phiPower * residual;
            if (++d == dailyPeriod) {
                d = 0;
            }
            if (weeklyPeriod > 0 && ++w == weeklyPeriod) {
                w = 0;
            }
        }
        return point;
    }

    double level() {
        return level;
    }

    double trend() {
        return trend;
    }

    double[] daily() {
        return daily.clone();
    }

    double[] weekly() {
        return weekly.clone();
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += y[t];
        }
        return sum / (to - from);
    }

    private static void centre(double[] seasonal) {
        double mean = mean(seasonal, 0, seasonal.length);
        for (int i = 0; i < seasonal.length; i++) {
            seasonal[i] -= mean;
        }
    }
}
