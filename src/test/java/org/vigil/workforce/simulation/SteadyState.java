package org.vigil.workforce.simulation;

/**
 * Long-run figures of a single-queue, single-group run, measured over the intervals {@code [from, to)}: the
 * warm-up from the empty start is left out at the front, and items arriving near the end (whose outcome might
 * still be open) at the back.
 *
 * @param serviceLevel         answered within target / arrivals
 * @param probabilityOfWaiting delayed / arrivals
 * @param asaSeconds           mean wait over answered and abandoned items (abandoned items count their time
 *                             until abandoning), the Erlang C / Erlang A "average speed of answer"
 * @param occupancy            busy agent time / on-duty agent time
 * @param abandonment          abandoned / arrivals
 * @param unresolved           items of the window still waiting at the horizon end (expected 0)
 */
record SteadyState(
        double serviceLevel,
        double probabilityOfWaiting,
        double asaSeconds,
        double occupancy,
        double abandonment,
        long unresolved) {

    static SteadyState of(SimulationResult result, int from, int to) {
        QueueOutcome queue = result.queues().get(0);
        GroupOutcome group = result.groups().get(0);
        long arrivals = 0;
        long withinTarget = 0;
        long delayed = 0;
        long answered = 0;
        long abandoned = 0;
        long unresolved = 0;
        double wait = 0;
        double busy = 0;
        double onDuty = 0;
        for (int i = from; i < to; i++) {
            QueueStatistics interval = queue.interval(i);
            arrivals += interval.arrivals();
            withinTarget += interval.answeredWithinTarget();
            delayed += interval.delayed();
            answered += interval.answered();
            abandoned += interval.abandoned();
            unresolved += interval.unresolved();
            wait += interval.answeredWaitSeconds() + interval.abandonedWaitSeconds();
            busy += group.interval(i).busyAgentSeconds();
            onDuty += group.interval(i).onDutyAgentSeconds();
        }
        return new SteadyState((double) withinTarget / arrivals, (double) delayed / arrivals,
                wait / (answered + abandoned), busy / onDuty, (double) abandoned / arrivals, unresolved);
    }
}
