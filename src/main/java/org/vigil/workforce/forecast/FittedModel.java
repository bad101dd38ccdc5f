package org.vigil.workforce.forecast;

/**
 * A model fitted to one queue's history; it forecasts the intervals that follow the history.
 * Immutable and thread-safe.
 */
public interface FittedModel {

    /** What was fitted, including estimated parameters, for display to operators. */
    String description();

    /**
     * Forecasts the next {@code horizon} intervals after the end of the history.
     *
     * @param horizon the number of intervals, at least 1
     * @param confidence the nominal coverage of the central prediction interval, e.g. 0.8 or 0.95
     * @throws IllegalArgumentException if the horizon is not positive or confidence is not in (0, 1)
     */
    Forecast forecast(int horizon, double confidence);
}
