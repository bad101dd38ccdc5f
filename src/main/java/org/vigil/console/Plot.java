package org.vigil.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Coordinates for server-drawn SVG charts: a series of values over equally spaced slots becomes the
 * {@code points} of a polyline or polygon in a {@code width × height} box (y grows downwards). The
 * pages draw charts this way so that no script and no inline style is needed.
 */
final class Plot {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    final int width;
    final int height;
    final int slots;
    final double max;

    /** A tick on the x axis: where, and its label. */
    record Tick(double x, String label) {
    }

    Plot(int width, int height, int slots, double max) {
        this.width = width;
        this.height = height;
        this.slots = Math.max(1, slots);
        this.max = max <= 0 ? 1 : max;
    }

    /** A scale whose top is a round number at or above the largest value. */
    static double niceMax(double largest) {
        if (largest <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(largest)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= largest) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    double x(int slot) {
        return (double) slot * width / slots;
    }

    double y(double value) {
        return height - Math.max(0, Math.min(value, max)) / max * height;
    }

    /** The points of a line through the values, placed from slot {@code first} on; nulls break nothing, they are skipped. */
    <T> String line(List<T> items, int first, Function<T, @Nullable Number> value) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            Number v = value.apply(items.get(i));
            if (v != null) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(first + i) + 0.5 * width / slots, y(v.doubleValue())));
            }
        }
        return points.toString().strip();
    }

    /** The polygon between a lower and an upper series (a prediction band). */
    <T> String band(List<T> items, int first, Function<T, @Nullable Number> lower, Function<T, @Nullable Number> upper) {
        List<String> top = new ArrayList<>();
        List<String> bottom = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Number lo = lower.apply(items.get(i));
            Number hi = upper.apply(items.get(i));
            if (lo != null && hi != null) {
                double x = x(first + i) + 0.5 * width / slots;
                top.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y(hi.doubleValue())));
                bottom.addFirst(String.format(Locale.ROOT, "%.1f,%.1f", x, y(lo.doubleValue())));
            }
        }
        top.addAll(bottom);
        return String.join(" ", top);
    }

    /** A tick at every slot whose time is midnight UTC, labelled with the day. */
    <T> List<Tick> days(List<T> items, int first, Function<T, Instant> at) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Instant t = at.apply(items.get(i));
            if (t.getEpochSecond() % 86_400 == 0) {
                ticks.add(new Tick(x(first + i), DAY.format(t)));
            }
        }
        return ticks;
    }
}
