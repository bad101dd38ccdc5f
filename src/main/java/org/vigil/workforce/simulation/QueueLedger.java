package org.vigil.workforce.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Running tallies of one queue during a run: item outcomes by arrival interval, the backlog at each interval
 * end, and agent time spent on the queue's items (integrated over time from the number in service).
 */
final class QueueLedger {

    private final double targetSeconds;
    private final long[] arrivals;
    private final long[] answered;
    private final long[] answeredWithinTarget;
    private final long[] abandoned;
    private final long[] delayed;
    private final long[] unresolved;
    private final long[] undetermined;
    private final double[] answeredWait;
    private final double[] abandonedWait;
    private final double[] maxWait;
    private final long[] waitingAtEnd;
    private final double[] handling;
    private long completed;
    private int inService;
    private double lastChange;
    private double handlingSinceOpen;

    QueueLedger(int intervals, double targetSeconds) {
        this.targetSeconds = targetSeconds;
        arrivals = new long[intervals];
        answered = new long[intervals];
        answeredWithinTarget = new long[intervals];
        abandoned = new long[intervals];
        delayed = new long[intervals];
        unresolved = new long[intervals];
        undetermined = new long[intervals];
        answeredWait = new double[intervals];
        abandonedWait = new double[intervals];
        maxWait = new double[intervals];
        waitingAtEnd = new long[intervals];
        handling = new double[intervals];
    }

    void arrived(int interval) {
        arrivals[interval]++;
    }

    void delayed(int interval) {
        delayed[interval]++;
    }

    void answered(int interval, double wait) {
        answered[interval]++;
        if (wait <= targetSeconds) {
            answeredWithinTarget[interval]++;
        }
        answeredWait[interval] += wait;
        if (wait > maxWait[interval]) {
            maxWait[interval] = wait;
        }
    }

    void abandoned(int interval, double wait) {
        abandoned[interval]++;
        abandonedWait[interval] += wait;
        if (wait > maxWait[interval]) {
            maxWait[interval] = wait;
        }
    }

    void unresolved(int interval, double waitSoFar) {
        unresolved[interval]++;
        if (waitSoFar <= targetSeconds) {
            undetermined[interval]++;
        }
        if (waitSoFar > maxWait[interval]) {
            maxWait[interval] = waitSoFar;
        }
    }

    void serviceStarted(double time) {
        accrue(time);
        inService++;
    }

    void serviceCompleted(double time) {
        accrue(time);
        inService--;
        completed++;
    }

    void closeInterval(int interval, double end, long waiting) {
        accrue(end);
        handling[interval] = handlingSinceOpen;
        handlingSinceOpen = 0;
        waitingAtEnd[interval] = waiting;
    }

    private void accrue(double time) {
        handlingSinceOpen += (time - lastChange) * inService;
        lastChange = time;
    }

    QueueOutcome outcome(String name) {
        List<QueueStatistics> intervals = new ArrayList<>(arrivals.length);
        for (int i = 0; i < arrivals.length; i++) {
            intervals.add(new QueueStatistics(arrivals[i], answered[i], answeredWithinTarget[i], abandoned[i],
                    delayed[i], unresolved[i], undetermined[i], answeredWait[i], abandonedWait[i], maxWait[i],
                    waitingAtEnd[i], handling[i]));
        }
        return new QueueOutcome(name, intervals, total(intervals), completed, inService);
    }

    /** Sums over the intervals, the longest wait, and the backlog at the end of the last interval. */
    private static QueueStatistics total(List<QueueStatistics> intervals) {
        long arrivals = 0;
        long answered = 0;
        long withinTarget = 0;
        long abandoned = 0;
        long delayed = 0;
        long unresolved = 0;
        long undetermined = 0;
        double answeredWait = 0;
        double abandonedWait = 0;
        double maxWait = 0;
        double handling = 0;
        for (QueueStatistics interval : intervals) {
            arrivals += interval.arrivals();
            answered += interval.answered();
            withinTarget += interval.answeredWithinTarget();
            abandoned += interval.abandoned();
            delayed += interval.delayed();
            unresolved += interval.unresolved();
            undetermined += interval.undetermined();
            answeredWait += interval.answeredWaitSeconds();
            abandonedWait += interval.abandonedWaitSeconds();
            maxWait = Math.max(maxWait, interval.maxWaitSeconds());
            handling += interval.handlingAgentSeconds();
        }
        long waitingAtEnd = intervals.get(intervals.size() - 1).waitingAtEnd();
        return new QueueStatistics(arrivals, answered, withinTarget, abandoned, delayed, unresolved, undetermined,
                answeredWait, abandonedWait, maxWait, waitingAtEnd, handling);
    }
}
