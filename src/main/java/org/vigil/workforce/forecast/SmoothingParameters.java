package org.vigil.workforce.forecast;

import java.util.Locale;

/**
 * Smoothing parameters of double seasonal Holt-Winters, in the notation of Taylor (2003).
 *
 * @param alpha level smoothing, in [0, 1]
 * @param gamma trend smoothing, in [0, 1]; 0 with no trend
 * @param psi trend damping per interval (Gardner &amp; McKenzie), in (0, 1]; irrelevant with no trend
 * @param delta smoothing of the daily (short) seasonal component, in [0, 1]
 * @param omega smoothing of the weekly (long) seasonal component, in [0, 1]; 0 when daily only
 * @param phi AR(1) coefficient of the residual adjustment, in [0, 1)
 */
record SmoothingParameters(double alpha, double gamma, double psi, double delta, double omega, double phi) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "alpha=%.4f gamma=%.4f psi=%.4f delta=%.4f omega=%.4f phi=%.4f",
                alpha, gamma, psi, delta, omega, phi);
    }
}
