package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaitingLineTest {

    @Test
    void itemsLeaveInArrivalOrderAcrossGrowthAndWrapAround() {
        WaitingLine line = new WaitingLine();
        ArrayDeque<Double> reference = new ArrayDeque<>();
        SplittableRandom random = new SplittableRandom(9);
        double time = 0;
        for (int step = 0; step < 20_000; step++) {
            if (random.nextInt(5) < 3 || reference.isEmpty()) {
                time += 1;
                line.add(time, Double.POSITIVE_INFINITY, time * 2, (int) time);
                reference.add(time);
            } else {
                double expected = reference.poll();
                assertThat(line.headArrival()).isEqualTo(expected);
                assertThat(line.headHandleTime()).isEqualTo(expected * 2);
                assertThat(line.headInterval()).isEqualTo((int) expected);
                line.removeHead();
            }
            assertThat(line.size()).isEqualTo(reference.size());
        }
    }

    @Test
    void expiredItemsAreRecordedAsAbandonedAtTheirDeadlineAndTheRestKeepTheirOrder() {
        WaitingLine line = new WaitingLine();
        QueueLedger ledger = new QueueLedger(1, 60);
        for (int i = 0; i < 40; i++) {
            double deadline = i % 3 == 0 ? 100 + i : 10_000;
            line.add(i, deadline, 1, 0);
        }
        line.abandonAllExpired(150, ledger);

        assertThat(line.size()).isEqualTo(26);
        for (int i = 0; i < 40; i++) {
            if (i % 3 != 0) {
                assertThat(line.headArrival()).isEqualTo(i);
                line.removeHead();
            }
        }
        QueueStatistics statistics = ledger.outcome("q").total();
        assertThat(statistics.abandoned()).isEqualTo(14);
        assertThat(statistics.abandonedWaitSeconds()).isEqualTo(14 * 100.0);
        assertThat(statistics.maxWaitSeconds()).isEqualTo(100.0);
    }
}
