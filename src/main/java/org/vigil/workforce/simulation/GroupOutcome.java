package org.vigil.workforce.simulation;

import java.util.List;

/**
 * One agent group's figures for a run.
 *
 * @param name      the group's name
 * @param intervals agent time per interval, in order
 * @param total     agent time over the whole horizon
 */
public record GroupOutcome(String name, List<GroupStatistics> intervals, GroupStatistics total) {

    public GroupOutcome {
        intervals = List.copyOf(intervals);
    }

    /** Figures of interval {@code index}. */
    public GroupStatistics interval(int index) {
        return intervals.get(index);
    }
}
