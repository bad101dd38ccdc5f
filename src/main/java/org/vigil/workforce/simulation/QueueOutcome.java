package org.vigil.workforce.simulation;

import java.util.List;

/**
 * One queue's figures for a run.
 *
 * @param name           the queue's name
 * @param intervals      figures per interval, in order (see {@link QueueStatistics} for what belongs where)
 * @param total          figures over the whole horizon: sums over the intervals, the longest wait, and the
 *                       backlog at the end of the horizon as {@code waitingAtEnd}
 * @param completed      items whose handling finished before the end of the horizon
 * @param inServiceAtEnd items still being handled at the end of the horizon; {@code total.answered() =
 *                       completed + inServiceAtEnd}
 */
public record QueueOutcome(
        String name,
        List<QueueStatistics> intervals,
        QueueStatistics total,
        long completed,
        long inServiceAtEnd) {

    public QueueOutcome {
        intervals = List.copyOf(intervals);
    }

    /** Figures of interval {@code index}. */
    public QueueStatistics interval(int index) {
        return intervals.get(index);
    }
}
