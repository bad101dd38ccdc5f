package org.vigil.workforce.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An equally spaced series of arrival counts for one queue.
 *
 * <p>Value {@code i} is the number of cases that arrived in the half-open interval {@code
 * [timeAt(i), timeAt(i + 1))}. Values are finite and non-negative; they are held as doubles so
 * that adjusted or aggregated counts can be represented too. The series is immutable: the array
 * passed in is copied and {@link #values()} returns a copy.
 *
 * @param start the start of the first interval
 * @param interval the length of every interval, positive
 * @param values the count per interval, at least one
 */
public record Series(Instant start, Duration interval, double[] values) {

    /** Validates and copies the values. */
    public Series {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(values, "values");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("a series needs at least one value");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "value at index " + i + " (" + start.plus(interval.multipliedBy(i)) + ") is not finite: " + v);
            }
            if (v < 0) {
                throw new IllegalArgumentException(
                        "counts must be non-negative, got " + v + " at index " + i + " ("
                                + start.plus(interval.multipliedBy(i)) + ")");
            }
        }
    }

    /** A series of the given values. */
    public static Series of(Instant start, Duration interval, double... values) {
        return new Series(start, interval, values);
    }

    /** A series of whole counts. */
    public static Series ofCounts(Instant start, Duration interval, long... counts) {
        double[] values = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            values[i] = counts[i];
        }
        return new Series(start, interval, values);
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of intervals. */
    public int size() {
        return values.length;
    }

    /** The count of interval {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** The start of interval {@code i}; {@code i} may be at or past the end, for forecast times. */
    public Instant timeAt(int i) {
        return start.plus(interval.multipliedBy(i));
    }

    /** The end of the last interval, which is where a forecast of this series starts. */
    public Instant end() {
        return timeAt(values.length);
    }

    /** How many intervals make up the given duration, which must be a whole multiple of the interval. */
    public int pointsIn(Duration span) {
        long nanosPerPoint = interval.toNanos();
        long nanos = span.toNanos();
        if (nanos <= 0 || nanos % nanosPerPoint != 0) {
            throw new IllegalArgumentException(
                    span + " is not a positive whole number of " + interval + " intervals");
        }
        return Math.toIntExact(nanos / nanosPerPoint);
    }

    /** The intervals {@code [from, to)} as a new series starting at {@code timeAt(from)}. */
    public Series slice(int from, int to) {
        Objects.checkFromToIndex(from, to, values.length);
        return new Series(timeAt(from), interval, Arrays.copyOfRange(values, from, to));
    }

    /** Package-private direct access for the models, which never modify the array. */
    double[] unsafeValues() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series other
                && start.equals(other.start)
                && interval.equals(other.interval)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, interval, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Series[start=" + start + ", interval=" + interval + ", size=" + values.length + "]";
    }
}
