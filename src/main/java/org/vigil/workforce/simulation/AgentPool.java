package org.vigil.workforce.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The agents of one group during a run, as counts (agents within a group are interchangeable): those rostered
 * for the current interval, those whose shift has ended but who are finishing an item ("leaving", always
 * busy), and those busy. Busy and overtime agent time are integrated over time per interval.
 *
 * <p>Invariant: {@code busy − leaving ≤ rostered}, so {@link #idle()} {@code = rostered − (busy − leaving) ≥ 0}.
 */
final class AgentPool {

    private final int[] headcount;
    private final double intervalSeconds;
    private final double[] busySeconds;
    private final double[] overtimeSeconds;
    private int rostered;
    private int leaving;
    private int busy;
    private double lastChange;
    private double busySinceOpen;
    private double overtimeSinceOpen;

    AgentPool(List<Integer> headcount, double intervalSeconds) {
        this.headcount = new int[headcount.size()];
        for (int i = 0; i < this.headcount.length; i++) {
            this.headcount[i] = headcount.get(i);
        }
        this.intervalSeconds = intervalSeconds;
        this.busySeconds = new double[this.headcount.length];
        this.overtimeSeconds = new double[this.headcount.length];
    }

    /** Agents free to take an item now. */
    int idle() {
        return rostered + leaving - busy;
    }

    /**
     * Applies the headcount of {@code interval} at its start: pending departures are cancelled first when it
     * rises; when it falls, idle agents leave at once and the rest of the cut is taken by the next agents to
     * finish an item.
     */
    void openInterval(int interval, double start) {
        accrue(start);
        int target = headcount[interval];
        if (target >= rostered) {
            leaving -= Math.min(target - rostered, leaving);
        } else {
            int idleRostered = rostered - (busy - leaving);
            int cut = rostered - target;
            leaving += cut - Math.min(cut, idleRostered);
        }
        rostered = target;
    }

    void serviceStarted(double time) {
        accrue(time);
        busy++;
    }

    /**
     * An agent finished an item. If departures are pending, this agent leaves and {@code false} is returned;
     * otherwise it stays, now idle, and {@code true} is returned.
     */
    boolean serviceCompleted(double time) {
        accrue(time);
        busy--;
        if (leaving > 0) {
            leaving--;
            return false;
        }
        return true;
    }

    void closeInterval(int interval, double end) {
        accrue(end);
        busySeconds[interval] = busySinceOpen;
        overtimeSeconds[interval] = overtimeSinceOpen;
        busySinceOpen = 0;
        overtimeSinceOpen = 0;
    }

    private void accrue(double time) {
        double elapsed = time - lastChange;
        busySinceOpen += elapsed * busy;
        overtimeSinceOpen += elapsed * leaving;
        lastChange = time;
    }

    GroupOutcome outcome(String name) {
        List<GroupStatistics> intervals = new ArrayList<>(headcount.length);
        double scheduled = 0;
        double overtime = 0;
        double busyTotal = 0;
        for (int i = 0; i < headcount.length; i++) {
            GroupStatistics statistics = new GroupStatistics(headcount[i] * intervalSeconds, overtimeSeconds[i],
                    busySeconds[i]);
            intervals.add(statistics);
            scheduled += statistics.scheduledAgentSeconds();
            overtime += statistics.overtimeAgentSeconds();
            busyTotal += statistics.busyAgentSeconds();
        }
        return new GroupOutcome(name, intervals, new GroupStatistics(scheduled, overtime, busyTotal));
    }
}
