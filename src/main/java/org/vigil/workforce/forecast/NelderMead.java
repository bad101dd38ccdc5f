package org.vigil.workforce.forecast;

import java.util.function.ToDoubleFunction;

/**
 * Nelder–Mead simplex minimisation inside the unit box {@code [0, 1]^d}, with a hard budget of
 * objective evaluations.
 *
 * <p>Standard coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2). Every trial
 * point is projected onto the box, so the objective is only ever evaluated inside it. After the
 * simplex converges, the search restarts from the best point with a fresh, smaller simplex, which
 * guards against the simplex collapsing early; it stops when a restart no longer improves the
 * value or the budget is spent. Deterministic: no randomness.
 */
final class NelderMead {

    /** The best point found, its value and the evaluations spent. */
    record Result(double[] point, double value, int evaluations) {
    }

    private final ToDoubleFunction<double[]> objective;
    private final int dimensions;
    private final int budget;
    private int evaluations;

    private NelderMead(ToDoubleFunction<double[]> objective, int dimensions, int budget) {
        this.objective = objective;
        this.dimensions = dimensions;
        this.budget = budget;
    }

    /**
     * Minimises from {@code start} (inside the box) using at most {@code budget} evaluations.
     */
    static Result minimise(ToDoubleFunction<double[]> objective, double[] start, double firstStep, int budget) {
        NelderMead search = new NelderMead(objective, start.length, budget);
        double[] best = clamp(start.clone());
        double bestValue = search.evaluate(best);
        double step = firstStep;
        while (search.evaluations < budget) {
            Result run = search.run(best, bestValue, step);
            boolean improved = run.value() < bestValue - 1e-12 * Math.max(1.0, Math.abs(bestValue));
            if (run.value() < bestValue) {
                best = run.point();
                bestValue = run.value();
            }
            if (!improved) {
                break;
            }
            step = Math.max(step / 2, 0.01);
        }
        return new Result(best, bestValue, search.evaluations);
    }

    private Result run(double[] start, double startValue, double step) {
        int d = dimensions;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        simplex[0] = start.clone();
        values[0] = startValue;
        for (int i = 0; i < d && evaluations < budget; i++) {
            double[] vertex = start.clone();
            vertex[i] = vertex[i] + step <= 1 ? vertex[i] + step : vertex[i] - step;
            simplex[i + 1] = clamp(vertex);
            values[i + 1] = evaluate(simplex[i + 1]);
        }
        if (evaluations >= budget && simplex[d] == null) {
            return new Result(start, startValue, evaluations);
        }
        double[] centroid = new double[d];
        while (evaluations < budget) {
            sort(simplex, values);
            if (converged(simplex, values)) {
                break;
            }
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int i = 0; i < d; i++) {
                    sum += simplex[i][j];
                }
                centroid[j] = sum / d;
            }
            double[] worst = simplex[d];
            double[] reflected = along(centroid, worst, -1.0);
            double reflectedValue = evaluate(reflected);
            if (reflectedValue < values[0]) {
                double[] expanded = along(centroid, worst, -2.0);
                double expandedValue = evaluate(expanded);
                if (expandedValue < reflectedValue) {
                    replaceWorst(simplex, values, expanded, expandedValue);
                } else {
                    replaceWorst(simplex, values, reflected, reflectedValue);
                }
            } else if (reflectedValue < values[d - 1]) {
                replaceWorst(simplex, values, reflected, reflectedValue);
            } else {
                boolean outside = reflectedValue < values[d];
                double[] contracted = outside ? along(centroid, worst, -0.5) : along(centroid, worst, 0.5);
                double contractedValue = evaluate(contracted);
                if (contractedValue < Math.min(reflectedValue, values[d])) {
                    replaceWorst(simplex, values, contracted, contractedValue);
                } else {
                    for (int i = 1; i <= d && evaluations < budget; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = evaluate(simplex[i]);
                    }
                }
            }
        }
        sort(simplex, values);
        return new Result(simplex[0], values[0], evaluations);
    }

    private double evaluate(double[] point) {
        evaluations++;
        double value = objective.applyAsDouble(point);
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    private static boolean converged(double[][] simplex, double[] values) {
        int d = simplex.length - 1;
        double spread = Math.abs(values[d] - values[0]);
        if (spread > 1e-10 * Math.max(1.0, Math.abs(values[0]))) {
            return false;
        }
        double size = 0;
        for (int i = 1; i <= d; i++) {
            for (int j = 0; j < d; j++) {
                size = Math.max(size, Math.abs(simplex[i][j] - simplex[0][j]));
            }
        }
        return size < 1e-6;
    }

    /** {@code base + t * (toward - base)}, projected onto the box. */
    private static double[] along(double[] base, double[] toward, double t) {
        double[] point = new double[base.length];
        for (int j = 0; j < base.length; j++) {
            point[j] = base[j] + t * (toward[j] - base[j]);
        }
        return clamp(point);
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        int d = simplex.length - 1;
        simplex[d] = point;
        values[d] = value;
    }

    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double[] point = simplex[i];
            double value = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value) {
                simplex[j + 1] = simplex[j];
                values[j + 1] = values[j];
                j--;
            }
            simplex[j + 1] = point;
            values[j + 1] = value;
        }
    }

    private static double[] clamp(double[] point) {
        for (int j = 0; j < point.length; j++) {
            point[j] = Math.min(1.0, Math.max(0.0, point[j]));
        }
        return point;
    }
}
