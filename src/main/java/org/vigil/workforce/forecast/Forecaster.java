package org.vigil.workforce.forecast;

/**
 * A forecasting method: configuration only, no state. {@link #fit} estimates it on one queue's
 * history and returns a {@link FittedModel} that forecasts from the end of that history.
 *
 * <p>Implementations are immutable and thread-safe; fitting is deterministic (same history, same
 * model).
 */
public interface Forecaster {

    /** A short stable name for the method and its configuration, e.g. {@code SeasonalNaive(336)}. */
    String name();

    /** The least number of intervals {@link #fit} accepts. */
    int minimumHistory();

    /**
     * Fits the method on the whole history.
     *
     * @throws IllegalArgumentException if the history has fewer than {@link #minimumHistory()} values
     */
    FittedModel fit(Series history);
}
