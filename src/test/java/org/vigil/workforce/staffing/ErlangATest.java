package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangATest {

    /**
     * Brute force: the birth-death chain truncated at {@code n + 400} states, balance equations {@code πQ = 0},
     * {@code Σπ = 1} solved by Gaussian elimination, no product form used.
     */
    static double[] stationaryByBalanceEquations(int agents, double lambda, double mu, double theta) {
        int size = agents + 401;
        double[][] system = new double[size][size + 1];
        for (int state = 0; state < size; state++) {
            double up = state + 1 < size ? lambda : 0.0;
            double down = Math.min(state, agents) * mu + Math.max(0, state - agents) * theta;
            // column equations: Σ_i π_i Q_{i,state} = 0, written as row `state` of Qᵀ
            system[state][state] -= up + down;
            if (state + 1 < size) {
                system[state + 1][state] += up;
            }
            if (state > 0) {
                system[state - 1][state] += down;
            }
        }
        for (int column = 0; column < size; column++) {
            system[size - 1][column] = 1.0;
        }
        system[size - 1][size] = 1.0;
        for (int pivot = 0; pivot < size; pivot++) {
            int best = pivot;
            for (int row = pivot + 1; row < size; row++) {
                if (Math.abs(system[row][pivot]) > Math.abs(system[best][pivot])) {
                    best = row;
                }
            }
            double[] swap = system[pivot];
            system[pivot] = system[best];
            system[best] = swap;
            for (int row = 0; row < size; row++) {
                if (row != pivot && system[row][pivot] != 0) {
                    double factor = system[row][pivot] / system[pivot][pivot];
                    for (int column = pivot; column <= size; column++) {
                        system[row][column] -= factor * system[pivot][column];
                    }
                }
            }
        }
        double[] pi = new double[size];
        for (int state = 0; state < size; state++) {
            pi[state] = system[state][size] / system[state][state];
        }
        return pi;
    }

    /**
     * Uniformisation of the tagged item's own chain (items ahead {@code j..0}, absorbing "answered" and
     * "abandoned"): probability of being answered within {@code t}. Independent of the closed form in ErlangA.
     */
    static double answeredWithinByUniformisation(int ahead, double serviceRate, double theta, double t) {
        double uniform = serviceRate + (ahead + 1) * theta;
        double[] state = new double[ahead + 1];
        state[ahead] = 1.0;
        double answered = 0.0;
        double mean = uniform * t;
        int steps = (int) (mean + 12 * Math.sqrt(mean) + 60);
        double poisson = Math.exp(-mean);
        double result = 0.0;
        for (int step = 0; step <= steps; step++) {
            result += poisson * answered;
            double[] next = new double[ahead + 1];
            for (int i = 0; i <= ahead; i++) {
                double moveUp = (serviceRate + i * theta) / uniform;
                double abandon = theta / uniform;
                if (i == 0) {
                    answered += state[0] * moveUp;
                } else {
                    next[i - 1] += state[i] * moveUp;
                }
                next[i] += state[i] * (1.0 - moveUp - abandon);
            }
            state = next;
            poisson *= mean / (step + 1);
        }
        return result;
    }

    @ParameterizedTest
    @CsvSource({
        "5, 4.0, 60, 30, 20",
        "5, 7.0, 60, 90, 10",
        "3, 1.5, 300, 600, 60",
        "10, 12.0, 180, 45, 30",
        "1, 0.3, 120, 60, 0",
    })
    void matchesBruteForceBalanceEquationsAndUniformisation(int agents, double erlangs, double aht, double patience,
                                                            double answerSeconds) {
        double mu = 1.0 / aht;
        double lambda = erlangs * mu;
        double theta = 1.0 / patience;
        double[] pi = stationaryByBalanceEquations(agents, lambda, mu, theta);
        double waiting = 0;
        double queue = 0;
        double answeredInTime = 0;
        for (int state = 0; state < pi.length; state++) {
            if (state < agents) {
                answeredInTime += pi[state];
            } else {
                int ahead = state - agents;
                waiting += pi[state];
                queue += ahead * pi[state];
                answeredInTime += pi[state] * answeredWithinByUniformisation(ahead, agents * mu, theta, answerSeconds);
            }
        }

        QueueMetrics metrics = new ErlangA(erlangs, aht, patience).evaluate(agents, answerSeconds);

        assertThat(metrics.probabilityOfWaiting()).isCloseTo(waiting, within(1e-10));
        assertThat(metrics.abandonment()).isCloseTo(theta * queue / lambda, within(1e-10));
        assertThat(metrics.asaSeconds()).isCloseTo(queue / lambda, within(1e-8 * Math.max(1, queue / lambda)));
        assertThat(metrics.occupancy()).isCloseTo(erlangs * (1 - theta * queue / lambda) / agents, within(1e-10));
        assertThat(metrics.serviceLevel()).isCloseTo(answeredInTime, within(1e-9));
        assertThat(metrics.stable()).isTrue();
    }

    /**
     * Seeded discrete-event simulation of M/M/n+M under FIFO: each arrival takes the earliest-free agent if
     * its wait does not exceed its own patience, otherwise it abandons and occupies nobody.
     */
    @ParameterizedTest
    @CsvSource({"5, 4.5, 60, 40, 15", "8, 9.0, 120, 60, 20"})
    void serviceLevelAndAbandonmentAgreeWithSimulation(int agents, double erlangs, double aht, double patience,
                                                       double answerSeconds) {
        SplittableRandom random = new SplittableRandom(20240611L);
        double lambda = erlangs / aht;
        double[] freeAt = new double[agents];
        double now = 0;
        int warmUp = 20_000;
        int measured = 400_000;
        int inTime = 0;
        int abandoned = 0;
        for (int item = 0; item < warmUp + measured; item++) {
            now += -Math.log(1 - random.nextDouble()) / lambda;
            double itemPatience = -Math.log(1 - random.nextDouble()) * patience;
            double handling = -Math.log(1 - random.nextDouble()) * aht;
            int earliest = 0;
            for (int agent = 1; agent < agents; agent++) {
                if (freeAt[agent] < freeAt[earliest]) {
                    earliest = agent;
                }
            }
            double start = Math.max(now, freeAt[earliest]);
            double wait = start - now;
            boolean abandons = wait > itemPatience;
            if (!abandons) {
                freeAt[earliest] = start + handling;
            }
            if (item >= warmUp) {
                if (abandons) {
                    abandoned++;
                } else if (wait <= answerSeconds) {
                    inTime++;
                }
            }
        }

        QueueMetrics metrics = new ErlangA(erlangs, aht, patience).evaluate(agents, answerSeconds);

        // Sampling error of a share over 400k correlated arrivals is below 0.003; 0.01 leaves ample margin.
        assertThat(metrics.serviceLevel()).isCloseTo(inTime / (double) measured, within(0.01));
        assertThat(metrics.abandonment()).isCloseTo(abandoned / (double) measured, within(0.01));
    }

    @Test
    void requiredAgentsCanBeFewerThanTheOfferedLoad() {
        // 50 Erlangs, AHT 300 s, mean patience 60 s: 50% within 60 s with at most 25% abandoning.
        ErlangA queue = new ErlangA(50.0, 300, 60);

        QueueMetrics required = queue.requiredAgents(ServiceTarget.of(0.5, 60).withMaxAbandonment(0.25));

        assertThat(required.agents()).isLessThan(50);
        assertThat(required.serviceLevel()).isGreaterThanOrEqualTo(0.5);
        assertThat(required.abandonment()).isLessThanOrEqualTo(0.25);
        QueueMetrics oneFewer = queue.evaluate(required.agents() - 1, 60);
        assertThat(oneFewer.serviceLevel() >= 0.5 && oneFewer.abandonment() <= 0.25).isFalse();
    }

    @Test
    void withUnlimitedAnswerTimeServiceLevelIsTheShareNotAbandoning() {
        ErlangA queue = new ErlangA(8.0, 120, 45);

        QueueMetrics metrics = queue.evaluate(7, 1e7);

        assertThat(metrics.serviceLevel()).isCloseTo(1 - metrics.abandonment(), within(1e-12));
    }

    @Test
    void longPatienceApproachesErlangC() {
        QueueMetrics erlangA = new ErlangA(10.0, 180, 1e12).evaluate(14, 20);
        QueueMetrics erlangC = new ErlangC(10.0, 180).evaluate(14, 20);

        assertThat(erlangA.serviceLevel()).isCloseTo(erlangC.serviceLevel(), within(1e-10));
        assertThat(erlangA.probabilityOfWaiting()).isCloseTo(erlangC.probabilityOfWaiting(), within(1e-10));
        assertThat(erlangA.asaSeconds()).isCloseTo(erlangC.asaSeconds(), within(1e-8));
    }

    @Test
    void noAgentsMeansEveryoneWaitsAndAbandons() {
        QueueMetrics metrics = new ErlangA(3.0, 300, 120).evaluate(0, 20);

        assertThat(metrics.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(metrics.abandonment()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.serviceLevel()).isZero();
        assertThat(metrics.asaSeconds()).isCloseTo(120, within(1e-9));
        assertThat(metrics.occupancy()).isZero();
    }

    @Test
    void heavyOverloadWithLongPatienceStaysFinite() {
        // 1000 Erlangs on 500 agents, patience 2 h: a standing queue of about 6,000 items.
        QueueMetrics metrics = new ErlangA(1000.0, 600, 7200).evaluate(500, 30);

        assertThat(metrics.probabilityOfWaiting()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.abandonment()).isCloseTo(0.5, within(1e-3));
        assertThat(metrics.serviceLevel()).isBetween(0.0, 1e-6);
        assertThat(metrics.asaSeconds()).isFinite().isCloseTo(3600, within(10.0));
    }

    @Test
    void zeroLoadNeedsNoAgents() {
        QueueMetrics metrics = new ErlangA(0.0, 300, 60).requiredAgents(ServiceTarget.of(0.9, 30));

        assertThat(metrics.agents()).isZero();
        assertThat(metrics.serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void invalidPatienceIsRejectedByName() {
        assertThatThrownBy(() -> new ErlangA(1, 60, 0)).hasMessageContaining("patienceSeconds");
        assertThatThrownBy(() -> new ErlangA(1, 60, Double.POSITIVE_INFINITY)).hasMessageContaining("patienceSeconds");
    }
}
