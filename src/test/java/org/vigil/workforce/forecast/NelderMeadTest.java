package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

    @Test
    void theMinimumOfAShiftedBowlInsideTheBoxIsFound() {
        NelderMead.Result result = NelderMead.minimise(
                x -> sq(x[0] - 0.3) + 2 * sq(x[1] - 0.7) + 0.5 * sq(x[2] - 0.1), new double[] {0.5, 0.5, 0.5}, 0.1, 500);

        assertThat(result.point()[0]).isCloseTo(0.3, within(1e-4));
        assertThat(result.point()[1]).isCloseTo(0.7, within(1e-4));
        assertThat(result.point()[2]).isCloseTo(0.1, within(1e-4));
    }

    @Test
    void aMinimumOutsideTheBoxEndsOnTheBoundary() {
        NelderMead.Result result = NelderMead.minimise(
                x -> sq(x[0] + 1) + sq(x[1] - 0.5), new double[] {0.5, 0.5}, 0.1, 500);

        assertThat(result.point()[0]).isCloseTo(0.0, within(1e-6));
        assertThat(result.point()[1]).isCloseTo(0.5, within(1e-4));
    }

    @Test
    void theRosenbrockValleyIsFollowedToItsMinimum() {
        NelderMead.Result result = NelderMead.minimise(
                x -> 100 * sq(x[1] - x[0] * x[0]) + sq(1 - x[0]), new double[] {0.1, 0.9}, 0.1, 2000);

        assertThat(result.point()[0]).isCloseTo(1.0, within(1e-3));
        assertThat(result.point()[1]).isCloseTo(1.0, within(2e-3));
    }

    @Test
    void theEvaluationBudgetIsNeverExceeded() {
        int[] calls = {0};
        NelderMead.Result result = NelderMead.minimise(x -> {
            calls[0]++;
            return 100 * sq(x[1] - x[0] * x[0]) + sq(1 - x[0]);
        }, new double[] {0.1, 0.9}, 0.1, 37);

        assertThat(calls[0]).isLessThanOrEqualTo(37);
        assertThat(result.evaluations()).isEqualTo(calls[0]);
    }

    private static double sq(double v) {
        return v * v;
    }
}
