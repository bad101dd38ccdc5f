package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangCTest {

    /**
     * Worked example of Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example":
     * 100 calls per 30 minutes, AHT 180 s, so A = 10 Erlangs. Probability of waiting for 11..15 agents as quoted
     * there to four places, and cross-checked against the exact-factorial reference.
     */
    @ParameterizedTest
    @CsvSource({"11, 0.6821", "12, 0.4494", "13, 0.2853", "14, 0.1741", "15, 0.1020"})
    void probabilityOfWaitingMatchesPublishedTableForTenErlangs(int agents, double published) {
        QueueMetrics metrics = new ErlangC(10.0, 180).evaluate(agents, 20);

        assertThat(metrics.probabilityOfWaiting()).isCloseTo(published, within(5e-5));
        assertThat(metrics.probabilityOfWaiting())
                .isCloseTo(ExactErlang.probabilityOfWaiting(agents, 10.0), within(1e-14));
    }

    /**
     * Same worked example: 80% within 20 s needs 14 agents, who reach 88.8% with ASA 7.8 s and occupancy 71.4%;
     * 13 agents reach only 79.6%. Closed forms: SL = 1 − C·e^{−(n−A)t/AHT}, ASA = C·AHT/(n−A).
     */
    @Test
    void workedExampleNeedsFourteenAgentsForEightyTwenty() {
        ErlangC queue = new ErlangC(10.0, 180);

        QueueMetrics required = queue.requiredAgents(ServiceTarget.of(0.8, 20));

        assertThat(required.agents()).isEqualTo(14);
        assertThat(required.serviceLevel()).isCloseTo(0.88835, within(1e-5));
        assertThat(required.asaSeconds()).isCloseTo(7.8359, within(1e-4));
        assertThat(required.occupancy()).isCloseTo(10.0 / 14, within(1e-15));
        assertThat(queue.evaluate(13, 20).serviceLevel()).isCloseTo(0.79559, within(1e-5));
    }

    /**
     * Westbay Engineers, "The Erlang-C formula" step-by-step example: 360 calls per half hour, 4 minute calls
     * (A = 48 Erlangs), 55 agents, 15 s answer time. Values from the exact-factorial reference: probability of
     * waiting 0.2387, service level 0.8459, ASA 8.18 s.
     */
    @Test
    void westbayStepByStepExampleMatchesReference() {
        QueueMetrics metrics = new ErlangC(360 * 240 / 1800.0, 240).evaluate(55, 15);

        double waiting = ExactErlang.probabilityOfWaiting(55, 48.0);
        assertThat(metrics.probabilityOfWaiting()).isCloseTo(waiting, within(1e-13)).isCloseTo(0.2387, within(1e-4));
        assertThat(metrics.serviceLevel()).isCloseTo(1 - waiting * Math.exp(-7 * 15 / 240.0), within(1e-13))
                .isCloseTo(0.8459, within(1e-4));
        assertThat(metrics.asaSeconds()).isCloseTo(waiting * 240 / 7, within(1e-11)).isCloseTo(8.18, within(0.01));
    }

    /** Erlang B values printed in standard Erlang B tables (grade of service for n trunks at A Erlangs). */
    @ParameterizedTest
    @CsvSource({"10, 5.0, 0.01838", "20, 15.0, 0.04559", "5, 2.0, 0.03670", "50, 40.0, 0.01869"})
    void erlangBMatchesPublishedTables(int agents, double erlangs, double published) {
        assertThat(ErlangB.blocking(agents, erlangs)).isCloseTo(published, within(1e-5));
        assertThat(ErlangB.blocking(agents, erlangs))
                .isCloseTo(ExactErlang.blocking(agents, erlangs), within(1e-15));
    }

    @ParameterizedTest
    @CsvSource({"1, 0.01", "2, 0.5", "7, 3.3", "30, 25.5", "120, 100.0", "160, 150.25"})
    void probabilityOfWaitingMatchesExactFactorialSummation(int agents, double erlangs) {
        double exact = ExactErlang.probabilityOfWaiting(agents, erlangs);

        assertThat(new ErlangC(erlangs, 300).evaluate(agents, 0).probabilityOfWaiting())
                .isCloseTo(exact, within(1e-13 * Math.max(exact, 1e-3)));
    }

    @Test
    void tooFewAgentsAreReportedUnstableWithoutNegativeOrUndefinedFigures() {
        QueueMetrics metrics = new ErlangC(10.0, 180).evaluate(10, 20);

        assertThat(metrics.stable()).isFalse();
        assertThat(metrics.serviceLevel()).isZero();
        assertThat(metrics.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(metrics.asaSeconds()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(metrics.occupancy()).isEqualTo(1.0);
    }

    @Test
    void zeroLoadNeedsNoAgentsAndAnswersEverythingAtOnce() {
        QueueMetrics metrics = new ErlangC(0.0, 180).requiredAgents(ServiceTarget.of(0.95, 10));

        assertThat(metrics.agents()).isZero();
        assertThat(metrics.serviceLevel()).isEqualTo(1.0);
        assertThat(metrics.probabilityOfWaiting()).isZero();
        assertThat(metrics.asaSeconds()).isZero();
    }

    @Test
    void occupancyCapRaisesRequiredAgents() {
        ErlangC queue = new ErlangC(10.0, 180);

        QueueMetrics capped = queue.requiredAgents(ServiceTarget.of(0.8, 20).withMaxOccupancy(0.65));

        assertThat(capped.agents()).isEqualTo(16);
        assertThat(capped.occupancy()).isLessThanOrEqualTo(0.65);
    }

    @Test
    void tinyLoadsNeedOneAgent() {
        QueueMetrics metrics = new ErlangC(0.01, 300).requiredAgents(ServiceTarget.of(0.99, 20));

        assertThat(metrics.agents()).isEqualTo(1);
        assertThat(metrics.probabilityOfWaiting()).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void tenThousandErlangsGiveFiniteFiguresMatchingTheExactReferenceShape() {
        ErlangC queue = new ErlangC(10_000.0, 300);

        QueueMetrics required = queue.requiredAgents(ServiceTarget.of(0.8, 20));
        QueueMetrics oneFewer = queue.evaluate(required.agents() - 1, 20);

        assertThat(required.agents()).isBetween(10_001, 10_200);
        assertThat(required.serviceLevel()).isBetween(0.8, 1.0);
        assertThat(oneFewer.serviceLevel()).isLessThan(0.8);
        assertThat(required.asaSeconds()).isFinite().isNotNegative();
        assertThat(ErlangB.blocking(10_000, 10_000.0)).isCloseTo(ExactErlang.blocking(10_000, 10_000.0), within(1e-13));
    }

    @Test
    void aServiceLevelTargetOfOneCannotBeSolved() {
        assertThatThrownBy(() -> new ErlangC(5.0, 60).requiredAgents(ServiceTarget.of(1.0, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serviceLevel");
    }

    @Test
    void invalidInputsNameTheParameter() {
        assertThatThrownBy(() -> new ErlangC(-1, 60)).hasMessageContaining("erlangs");
        assertThatThrownBy(() -> new ErlangC(1, 0)).hasMessageContaining("ahtSeconds");
        assertThatThrownBy(() -> new ErlangC(1, 60).evaluate(-1, 0)).hasMessageContaining("agents");
        assertThatThrownBy(() -> new ErlangC(1, 60).evaluate(2, Double.NaN)).hasMessageContaining("answerSeconds");
    }
}
