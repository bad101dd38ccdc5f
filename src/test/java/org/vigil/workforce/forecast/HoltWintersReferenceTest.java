package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the recursion against an independent implementation, R's {@code stats::HoltWinters}
 * (R 4.2.2), on a series defined by a formula. The R script and its output are in
 * {@code src/test/resources/reference/}; rerunning the script reproduces the numbers below.
 *
 * <p>With the weekly component and the residual adjustment switched off, Taylor's recursion is the
 * classic additive Holt-Winters without trend that R implements, with R's {@code gamma} playing
 * the role of our daily {@code delta}. R starts filtering at the second season using the given
 * {@code l.start} and {@code s.start}, so our recursion runs from there with the same initial state.
 */
class HoltWintersReferenceTest {

    private static final int PERIOD = 12;
    private static final double LEVEL0 = 95;
    private static final double[] SEASON0 = {0, 5, 9, 10, 9, 5, 0, -5, -9, -10, -9, -5};

    private static double[] series() {
        double[] x = new double[120];
        for (int t = 0; t < x.length; t++) {
            x[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 12) + 0.3 * t + Math.floorMod(t * 37, 11) - 5;
        }
        return Arrays.copyOfRange(x, PERIOD, x.length);
    }

    @Test
    void withFixedParametersTheSumOfSquaredErrorsAndFinalStateMatchRsHoltWinters() {
        double[] y = series();
        HoltWintersState state = HoltWintersState.of(LEVEL0, 0, SEASON0, new double[0]);

        double sse = state.sumOfSquaredErrors(y, new SmoothingParameters(0.3, 0, 1, 0.2, 0, 0), 0);

        assertThat(sse).isCloseTo(1887.93456492529, within(1e-8));
        assertThat(state.level()).isCloseTo(134.074087256755, within(1e-10));
        double[] expectedNextSeason = {
            1.69590145449759, 6.99539039833621, 9.791008910691, 11.2965988154608,
            10.6264796607234, 6.09732674831428, 1.36174084126041, -3.04198652949119,
            -7.61350172698303, -8.64687122902114, -6.80279932453967, -3.52471396609587};
        double[] season = state.daily();
        for (int h = 0; h < PERIOD; h++) {
            assertThat(season[(y.length + h) % PERIOD]).as("s%d", h + 1).isCloseTo(expectedNextSeason[h], within(1e-10));
        }
        double[] forecast = state.forecast(PERIOD, new SmoothingParameters(0.3, 0, 1, 0.2, 0, 0));
        assertThat(forecast[0]).isCloseTo(134.074087256755 + 1.69590145449759, within(1e-10));
    }

    /**
     * R estimates alpha and gamma with L-BFGS-B and reaches SSE 1702.15085930395 (alpha ≈ 0.29396,
     * gamma = 0). Our Nelder–Mead search on the same criterion must do at least as well.
     */
    @Test
    void theParameterSearchFindsASumOfSquaresAtLeastAsLowAsRsOptimiser() {
        double[] y = series();
        HoltWintersState initial = HoltWintersState.of(LEVEL0, 0, SEASON0, new double[0]);

        NelderMead.Result result = NelderMead.minimise(
                u -> initial.copy().sumOfSquaredErrors(y, new SmoothingParameters(u[0], 0, 1, u[1], 0, 0), 0),
                new double[] {0.1, 0.1}, 0.1, 500);

        assertThat(result.value()).isLessThanOrEqualTo(1702.15085930395 * (1 + 1e-9));
        assertThat(result.point()[0]).isCloseTo(0.293957349308381, within(1e-3));
        assertThat(result.point()[1]).isCloseTo(0.0, within(1e-3));
    }
}
