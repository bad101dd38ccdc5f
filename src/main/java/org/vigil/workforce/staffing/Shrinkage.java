package org.vigil.workforce.staffing;

/**
 * Shrinkage: the share of paid agent time not available to handle work (breaks, training, absence, ...).
 *
 * <p>{@code scheduled = required / (1 − shrinkage)} agents. Independent components combine multiplicatively:
 * {@code shrinkage = 1 − Π_k (1 − s_k)}. Fractional staffing is kept exact through every step; only
 * {@link #scheduledAgents(double)} rounds, once, upward.
 *
 * @param fraction shrinkage in {@code [0, 1)}, dimensionless
 */
public record Shrinkage(double fraction) {

    /** No shrinkage: scheduled equals required. */
    public static final Shrinkage NONE = new Shrinkage(0.0);

    /** Relative slack below which a fractional result is treated as the integer it rounds to. */
    private static final double ROUNDING_SLACK = 1e-9;

    public Shrinkage {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("shrinkage must be in [0, 1)");
        }
    }

    /**
     * Combines independent shrinkage components multiplicatively: {@code 1 − Π_k (1 − s_k)}.
     *
     * @param components each in {@code [0, 1)}
     */
    public static Shrinkage compose(double... components) {
        double available = 1.0;
        for (double component : components) {
            available *= 1.0 - new Shrinkage(component).fraction();
        }
        return new Shrinkage(1.0 - available);
    }

    /** Agents to schedule, fractional: {@code required / (1 − shrinkage)}. */
    public double scheduled(double required) {
        if (!(required >= 0) || Double.isInfinite(required)) {
            throw new IllegalArgumentException("required must be a finite number >= 0");
        }
        return required / (1.0 - fraction);
    }

    /**
     * Agents to schedule, rounded up to whole agents. A value within {@code 10^-9} (relative) above an integer
     * rounds down to it, so floating-point noise such as {@code 14 / 0.7 = 20.000000000000004} gives 20.
     */
    public int scheduledAgents(double required) {
        double exact = scheduled(required);
        double rounded = Math.ceil(exact - ROUNDING_SLACK * Math.max(1.0, exact));
        if (rounded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("required is too large: scheduled agents exceed " + Integer.MAX_VALUE);
        }
        return (int) Math.max(0, rounded);
    }
}
