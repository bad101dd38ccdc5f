package org.vigil.workforce.staffing;

import java.util.Arrays;

/**
 * A nondecreasing piecewise-linear cumulative count of items over time (minutes), given by its breakpoints and
 * constant after the last one. Before the first breakpoint the count is taken as 0, so a first value above 0 is a
 * jump at the first time (a backlog present at the start).
 */
final class CumulativeCurve {

    private final double[] times;
    private final double[] values;

    CumulativeCurve(double[] times, double[] values, int size) {
        this.times = Arrays.copyOf(times, size);
        this.values = Arrays.copyOf(values, size);
    }

    double finalValue() {
        return values[values.length - 1];
    }

    double[] breakpointValues() {
        return values.clone();
    }

    /** {@code inf{τ : curve(τ) ≥ x}}; {@code +∞} when the curve never reaches {@code x}. */
    double firstTimeReaching(double x) {
        if (x <= values[0]) {
            return times[0];
        }
        if (x > values[values.length - 1]) {
            return Double.POSITIVE_INFINITY;
        }
        int high = firstIndexAtLeast(x);
        int low = high - 1;
        return interpolate(low, high, x);
    }

    /** {@code sup{τ : curve(τ) ≤ x}}, the right limit of the inverse; {@code +∞} at or above the final value. */
    double lastTimeAtMost(double x) {
        if (x < values[0]) {
            return times[0];
        }
        if (x >= values[values.length - 1]) {
            return Double.POSITIVE_INFINITY;
        }
        int high = firstIndexAbove(x);
        int low = high - 1;
        return interpolate(low, high, x);
    }

    private double interpolate(int low, int high, double x) {
        double span = values[high] - values[low];
        if (span <= 0) {
            return times[high];
        }
        double share = Math.min(1.0, Math.max(0.0, (x - values[low]) / span));
        return times[low] + share * (times[high] - times[low]);
    }

    private int firstIndexAtLeast(double x) {
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] >= x) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private int firstIndexAbove(double x) {
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] > x) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
