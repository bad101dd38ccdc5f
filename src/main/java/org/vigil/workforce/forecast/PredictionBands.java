package org.vigil.workforce.forecast;

import java.time.Instant;
import org.vigil.workforce.stats.StandardNormal;

/**
 * Turns point forecasts and forecast-error variances into a clamped {@link Forecast}.
 *
 * <p>Both models describe their errors as <em>quasi-Poisson</em>: the error variance at a step is
 * {@code dispersion * max(point, 1) * horizonFactor}. Arrival counts are roughly Poisson, whose
 * variance equals the mean, so a quiet night interval gets a narrow band and a busy peak a wide
 * one; the fitted dispersion absorbs over- or under-dispersion and model error. The floor of one
 * case keeps a band around forecasts of zero. Bounds are Gaussian: {@code point ± z * sd}, with
 * the point and the lower bound clamped at zero.
 */
final class PredictionBands {

    private PredictionBands() {
    }

    /** The count-dependent part of the error variance. */
    static double countScale(double point) {
        return Math.max(point, 1.0);
    }

    /**
     * Builds the forecast.
     *
     * @param rawPoint unclamped point forecasts, possibly negative
     * @param variance error variance per step, already including the count scale
     */
    static Forecast of(String model, Series history, double confidence, double[] rawPoint, double[] variance) {
        double z = StandardNormal.centralHalfWidth(confidence);
        int h = rawPoint.length;
        double[] point = new double[h];
        double[] lower = new double[h];
        double[] upper = new double[h];
        for (int k = 0; k < h; k++) {
            double p = Math.max(rawPoint[k], 0.0);
            double halfWidth = z * Math.sqrt(Math.max(variance[k], 0.0));
            point[k] = p;
            lower[k] = Math.max(p - halfWidth, 0.0);
            upper[k] = p + halfWidth;
        }
        Instant start = history.end();
        return new Forecast(model, start, history.interval(), confidence, point, lower, upper);
    }
}
