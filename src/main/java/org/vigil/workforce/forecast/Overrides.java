package org.vigil.workforce.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Manual adjustments of a forecast for launches, incidents, holidays and the like, applied after
 * the model.
 *
 * <p>An adjustment covers the forecast intervals whose start lies in {@code [from, to)}. Adjustments
 * are applied one after another <b>in the order given</b>, each to the result of the previous ones,
 * so where ranges overlap a later "set" wins over anything before it and multipliers compose (a
 * multiply after a set scales the set value). Both kinds carry the prediction interval along:
 * <ul>
 *   <li>{@link Multiply} scales point, lower and upper by the factor;</li>
 *   <li>{@link SetTo} replaces the point and scales the bounds by the same ratio
 *       ({@code value / point}), keeping the relative uncertainty; when the point was 0 there is
 *       no ratio and the interval collapses to the value.</li>
 * </ul>
 * Immutable; the builder-style methods return new instances.
 *
 * @param adjustments the adjustments, in application order
 */
public record Overrides(List<Adjustment> adjustments) {

    /** Copies the list. */
    public Overrides {
        adjustments = List.copyOf(adjustments);
    }

    /** A manual adjustment over a time range. */
    public sealed interface Adjustment permits Multiply, SetTo {

        /** The start of the range, inclusive. */
        Instant from();

        /** The end of the range, exclusive. */
        Instant to();
    }

    /**
     * Multiplies the forecast and its bounds by a non-negative factor (1.3 for a launch, 0 for a closed queue).
     *
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @param factor the multiplier, finite and non-negative
     */
    public record Multiply(Instant from, Instant to, double factor) implements Adjustment {

        /** Validates the range and factor. */
        public Multiply {
            checkRange(from, to);
            checkNonNegative("factor", factor);
        }
    }

    /**
     * Sets the forecast to a fixed number of cases per interval.
     *
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @param value the cases per interval, finite and non-negative
     */
    public record SetTo(Instant from, Instant to, double value) implements Adjustment {

        /** Validates the range and value. */
        public SetTo {
            checkRange(from, to);
            checkNonNegative("value", value);
        }
    }

    /** No adjustments. */
    public static Overrides none() {
        return new Overrides(List.of());
    }

    /** These adjustments followed by a multiplication over {@code [from, to)}. */
    public Overrides multiply(Instant from, Instant to, double factor) {
        return with(new Multiply(from, to, factor));
    }

    /** These adjustments followed by setting the forecast over {@code [from, to)}. */
    public Overrides set(Instant from, Instant to, double value) {
        return with(new SetTo(from, to, value));
    }

    /** Applies the adjustments in order; the model description notes how many touched the forecast. */
    public Forecast applyTo(Forecast forecast) {
        double[] point = forecast.point();
        double[] lower = forecast.lower();
        double[] upper = forecast.upper();
        int applied = 0;
        for (Adjustment adjustment : adjustments) {
            boolean touched = false;
            for (int i = 0; i < point.length; i++) {
                Instant t = forecast.timeAt(i);
                if (t.isBefore(adjustment.from()) || !t.isBefore(adjustment.to())) {
                    continue;
                }
                touched = true;
                switch (adjustment) {
                    case Multiply m -> {
                        point[i] *= m.factor();
                        lower[i] *= m.factor();
                        upper[i] *= m.factor();
                    }
                    case SetTo s -> {
                        if (point[i] > 0) {
                            double ratio = s.value() / point[i];
                            lower[i] *= ratio;
                            upper[i] *= ratio;
                        } else {
                            lower[i] = s.value();
                            upper[i] = s.value();
                        }
                        point[i] = s.value();
                    }
                }
            }
            if (touched) {
                applied++;
            }
        }
        if (applied == 0) {
            return forecast;
        }
        String model = forecast.model() + String.format(Locale.ROOT, "; %d manual override%s applied",
                applied, applied == 1 ? "" : "s");
        return new Forecast(model, forecast.start(), forecast.interval(), forecast.confidence(), point, lower, upper);
    }

    private Overrides with(Adjustment adjustment) {
        List<Adjustment> all = new ArrayList<>(adjustments);
        all.add(adjustment);
        return new Overrides(all);
    }

    private static void checkRange(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("override range must have from < to, got [" + from + ", " + to + ")");
        }
    }

    private static void checkNonNegative(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and non-negative, got " + value);
        }
    }
}
