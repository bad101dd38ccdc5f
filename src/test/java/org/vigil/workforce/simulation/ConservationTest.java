package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Accounting identities that must hold exactly in every run, checked on 300 seeded random plans. */
class ConservationTest {

    private static final int PLANS = 300;

    @Test
    void everyArrivalIsAnsweredAbandonedOrStillWaitingAtTheEnd() {
        forEachRandomRun((plan, result) -> {
            for (QueueOutcome queue : result.queues()) {
                QueueStatistics total = queue.total();
                assertThat(total.arrivals()).isEqualTo(total.answered() + total.abandoned() + total.waitingAtEnd());
                assertThat(total.unresolved()).isEqualTo(total.waitingAtEnd());
                assertThat(total.answered()).isEqualTo(queue.completed() + queue.inServiceAtEnd());
                for (QueueStatistics interval : queue.intervals()) {
                    assertThat(interval.arrivals())
                            .isEqualTo(interval.answered() + interval.abandoned() + interval.unresolved());
                }
            }
        });
    }

    @Test
    void theBacklogAtEachIntervalEndIsWhatArrivedMinusWhatLeftTheLine() {
        forEachRandomRun((plan, result) -> {
            for (QueueOutcome queue : result.queues()) {
                long waiting = 0;
                for (QueueStatistics interval : queue.intervals()) {
                    assertThat(interval.waitingAtEnd()).isNotNegative();
                    waiting = interval.waitingAtEnd();
                }
                assertThat(waiting).isEqualTo(queue.total().waitingAtEnd());
            }
        });
    }

    @Test
    void countsAreConsistentWithEachOther() {
        forEachRandomRun((plan, result) -> {
            for (int q = 0; q < result.queues().size(); q++) {
                QueueOutcome queue = result.queues().get(q);
                boolean patient = plan.queues().get(q).patience().isInfinite();
                for (QueueStatistics interval : queue.intervals()) {
                    assertThat(interval.answeredWithinTarget()).isBetween(0L, interval.answered());
                    assertThat(interval.undetermined()).isBetween(0L, interval.unresolved());
                    assertThat(interval.delayed()).isBetween(interval.abandoned() + interval.unresolved(),
                            interval.arrivals());
                    assertThat(interval.serviceLevel()).isBetween(0.0, 1.0);
                    assertThat(interval.averageWaitSeconds()).isNotNegative()
                            .isLessThanOrEqualTo(interval.maxWaitSeconds() * (1 + 1e-12));
                    assertThat(interval.maxWaitSeconds()).isLessThanOrEqualTo(plan.horizonSeconds());
                    if (patient) {
                        assertThat(interval.abandoned()).isZero();
                    }
                }
            }
        });
    }

    @Test
    void agentTimeSpentOnQueuesEqualsBusyAgentTimeAndNeverExceedsOnDutyTime() {
        forEachRandomRun((plan, result) -> {
            for (int i = 0; i < plan.intervals(); i++) {
                double handled = 0;
                for (QueueOutcome queue : result.queues()) {
                    handled += queue.interval(i).handlingAgentSeconds();
                }
                double busy = 0;
                for (int g = 0; g < result.groups().size(); g++) {
                    GroupStatistics group = result.groups().get(g).interval(i);
                    double scheduled = plan.groups().get(g).headcount().get(i) * plan.intervalSeconds();
                    assertThat(group.scheduledAgentSeconds()).isEqualTo(scheduled);
                    assertThat(group.overtimeAgentSeconds()).isNotNegative();
                    assertThat(group.busyAgentSeconds())
                            .isLessThanOrEqualTo(group.onDutyAgentSeconds() * (1 + 1e-12) + 1e-9);
                    assertThat(group.occupancy()).isBetween(0.0, 1.0);
                    busy += group.busyAgentSeconds();
                }
                assertThat(handled).isCloseTo(busy, within(1e-9 * Math.max(1, busy)));
            }
        });
    }

    @Test
    void overtimeOnlyFollowsAHeadcountCut() {
        forEachRandomRun((plan, result) -> {
            for (int g = 0; g < plan.groups().size(); g++) {
                var headcount = plan.groups().get(g).headcount();
                for (int i = 0; i < plan.intervals(); i++) {
                    boolean cutBefore = false;
                    for (int j = 1; j <= i; j++) {
                        cutBefore |= headcount.get(j) < headcount.get(j - 1);
                    }
                    if (!cutBefore) {
                        assertThat(result.groups().get(g).interval(i).overtimeAgentSeconds()).isZero();
                    }
                }
            }
        });
    }

    private interface RunCheck {
        void check(SimulationPlan plan, SimulationResult result);
    }

    private static void forEachRandomRun(RunCheck check) {
        SplittableRandom random = new SplittableRandom(20240611);
        for (int p = 0; p < PLANS; p++) {
            SimulationPlan plan = RandomPlans.next(random);
            check.check(plan, Simulation.run(plan, random.nextLong()));
        }
    }
}
