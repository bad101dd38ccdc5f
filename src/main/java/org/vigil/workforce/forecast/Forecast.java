package org.vigil.workforce.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Point forecasts and a central prediction interval for consecutive future intervals of one queue.
 *
 * <p>Step {@code i} covers {@code [timeAt(i), timeAt(i + 1))}. {@code point[i]} is the expected
 * count; {@code [lower[i], upper[i]]} is the prediction interval that should contain the actual
 * count with probability {@code confidence}. All values are finite and
 * {@code 0 <= lower[i] <= point[i] <= upper[i]}: counts cannot be negative, so models clamp at zero.
 * Immutable; the array accessors return copies.
 *
 * @param model a human-readable description of the fitted model that produced the forecast
 * @param start the start of the first forecast interval
 * @param interval the length of each interval
 * @param confidence the nominal coverage of the prediction interval, in (0, 1)
 * @param point the point forecast per interval
 * @param lower the lower prediction bound per interval
 * @param upper the upper prediction bound per interval
 */
public record Forecast(
        String model,
        Instant start,
        Duration interval,
        double confidence,
        double[] point,
        double[] lower,
        double[] upper) {

    /** Validates and copies the arrays. */
    public Forecast {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(interval, "interval");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (point.length != lower.length || point.length != upper.length) {
            throw new IllegalArgumentException("point, lower and upper must have the same length");
        }
        point = point.clone();
        lower = lower.clone();
        upper = upper.clone();
        for (int i = 0; i < point.length; i++) {
            if (!(Double.isFinite(lower[i]) && Double.isFinite(upper[i])
                    && 0 <= lower[i] && lower[i] <= point[i] && point[i] <= upper[i])) {
                throw new IllegalArgumentException("step " + i + " needs finite 0 <= lower <= point <= upper, got "
                        + lower[i] + ", " + point[i] + ", " + upper[i]);
            }
        }
    }

    /** The number of forecast steps. */
    public int size() {
        return point.length;
    }

    /** The point forecast of step {@code i}. */
    public double point(int i) {
        return point[i];
    }

    /** The lower prediction bound of step {@code i}. */
    public double lower(int i) {
        return lower[i];
    }

    /** The upper prediction bound of step {@code i}. */
    public double upper(int i) {
        return upper[i];
    }

    /** The start of step {@code i}. */
    public Instant timeAt(int i) {
        return start.plus(interval.multipliedBy(i));
    }

    /** A copy of the point forecasts. */
    @Override
    public double[] point() {
        return point.clone();
    }

    /** A copy of the lower bounds. */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the upper bounds. */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The point forecasts as a series, for comparison with actuals. */
    public Series pointSeries() {
        return new Series(start, interval, point);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast other
                && model.equals(other.model)
                && start.equals(other.start)
                && interval.equals(other.interval)
                && Double.compare(confidence, other.confidence) == 0
                && Arrays.equals(point, other.point)
                && Arrays.equals(lower, other.lower)
                && Arrays.equals(upper, other.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, start, interval, confidence,
                Arrays.hashCode(point), Arrays.hashCode(lower), Arrays.hashCode(upper));
    }

    @Override
    public String toString() {
        return "Forecast[model=" + model + ", start=" + start + ", interval=" + interval
                + ", confidence=" + confidence + ", size=" + point.length + "]";
    }
}
