package org.vigil.workforce.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The mutable state of one run of a {@link SimulationPlan} and its event loop; used once, by
 * {@link Simulation#run}. The semantics are documented on {@link Simulation}.
 *
 * <p>Events in the heap are arrivals (one pending per queue, payload = queue index) and service completions
 * (one per busy agent, payload = {@code queue · groups + group}). Interval boundaries are not in the heap: the
 * loop handles every event strictly before the boundary, then the boundary, so a boundary precedes any event
 * at the same instant. Among equal times completions precede arrivals (order key below {@link #ARRIVALS}),
 * and events of one kind keep the order in which they were scheduled.
 */
final class SimulationRun {

    private static final long ARRIVALS = 1L << 62;

    private final SimulationPlan plan;
    private final long seed;
    private final double intervalSeconds;
    private final int intervals;
    private final int groupCount;
    private final ArrivalStream[] arrivals;
    private final DurationStream[] handleTimes;
    private final DurationStream[] patience;
    private final WaitingLine[] lines;
    private final QueueLedger[] ledgers;
    private final AgentPool[] pools;
    private final int[] priorities;
    private final boolean[] abandons;
    private final int[][] groupsByQueue;
    private final int[][] queuesByGroup;
    private final EventHeap events = new EventHeap();
    private long scheduled;
    /**
     * True while the event being handled is still at the top of the heap: the first event scheduled by its
     * handler then takes its place in one sift ({@link EventHeap#replaceTop}), which is valid because handlers
     * only add events and never read the heap.
     */
    private boolean handledTopInHeap;

    SimulationRun(SimulationPlan plan, long seed) {
        this.plan = plan;
        this.seed = seed;
        this.intervalSeconds = plan.intervalSeconds();
        this.intervals = plan.intervals();
        List<QueueSpec> queues = plan.queues();
        List<AgentGroup> groups = plan.groups();
        int queueCount = queues.size();
        this.groupCount = groups.size();
        this.arrivals = new ArrivalStream[queueCount];
        this.handleTimes = new DurationStream[queueCount];
        this.patience = new DurationStream[queueCount];
        this.lines = new WaitingLine[queueCount];
        this.ledgers = new QueueLedger[queueCount];
        this.priorities = new int[queueCount];
        this.abandons = new boolean[queueCount];
        for (int q = 0; q < queueCount; q++) {
            QueueSpec queue = queues.get(q);
            RandomStreams streams = new RandomStreams(seed, queue.name());
            arrivals[q] = new ArrivalStream(queue.expectedArrivals(), intervalSeconds, streams.arrivals);
            handleTimes[q] = DurationStream.of(queue.handleTime(), streams.handleTimes);
            patience[q] = DurationStream.of(queue.patience(), streams.patience);
            lines[q] = new WaitingLine();
            ledgers[q] = new QueueLedger(intervals, queue.targetAnswerSeconds());
            priorities[q] = queue.priority();
            abandons[q] = !queue.patience().isInfinite();
        }
        this.pools = new AgentPool[groupCount];
        this.queuesByGroup = new int[groupCount][];
        for (int g = 0; g < groupCount; g++) {
            AgentGroup group = groups.get(g);
            pools[g] = new AgentPool(group.headcount(), intervalSeconds);
            queuesByGroup[g] = IntStream.range(0, queueCount)
                    .filter(q -> group.queues().contains(queues.get(q).name()))
                    .boxed()
                    .sorted(Comparator.comparingInt((Integer q) -> -priorities[q]).thenComparingInt(q -> q))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        this.groupsByQueue = new int[queueCount][];
        for (int q = 0; q < queueCount; q++) {
            String name = queues.get(q).name();
            groupsByQueue[q] = IntStream.range(0, groupCount)
                    .filter(g -> groups.get(g).queues().contains(name))
                    .toArray();
        }
    }

    SimulationResult execute() {
        for (int q = 0; q < arrivals.length; q++) {
            scheduleArrival(q);
        }
        for (int interval = 0; interval < intervals; interval++) {
            openInterval(interval, interval * intervalSeconds);
            double end = (interval + 1) * intervalSeconds;
            while (!events.isEmpty() && events.peekTime() < end) {
                double time = events.peekTime();
                long order = events.peekOrder();
                int payload = events.peekPayload();
                handledTopInHeap = true;
                if (order >= ARRIVALS) {
                    arrive(payload, time);
                } else {
                    complete(payload / groupCount, payload % groupCount, time);
                }
                if (handledTopInHeap) {
                    events.pop();
                    handledTopInHeap = false;
                }
            }
            closeInterval(interval, end);
        }
        return result();
    }

    private void openInterval(int interval, double start) {
        for (AgentPool pool : pools) {
            pool.openInterval(interval, start);
        }
        for (int g = 0; g < groupCount; g++) {
            while (pools[g].idle() > 0) {
                int queue = nextQueueFor(g, start);
                if (queue < 0) {
                    break;
                }
                answerHead(g, queue, start);
            }
        }
    }

    private void closeInterval(int interval, double end) {
        for (AgentPool pool : pools) {
            pool.closeInterval(interval, end);
        }
        for (int q = 0; q < lines.length; q++) {
            if (abandons[q]) {
                lines[q].abandonAllExpired(end, ledgers[q]);
            }
            ledgers[q].closeInterval(interval, end, lines[q].size());
        }
    }

    private void scheduleArrival(int queue) {
        double time = arrivals[queue].next();
        if (time != Double.POSITIVE_INFINITY) {
            schedule(time, ARRIVALS + scheduled++, queue);
        }
    }

    private void arrive(int queue, double time) {
        int interval = arrivals[queue].interval();
        double patienceSeconds = patience[queue].next();
        double handleSeconds = handleTimes[queue].next();
        QueueLedger ledger = ledgers[queue];
        ledger.arrived(interval);
        int group = idleGroupFor(queue);
        if (group >= 0) {
            ledger.answered(interval, 0.0);
            startService(group, queue, time, handleSeconds);
        } else {
            lines[queue].add(time, time + patienceSeconds, handleSeconds, interval);
            ledger.delayed(interval);
        }
        scheduleArrival(queue);
    }

    private void complete(int queue, int group, double time) {
        ledgers[queue].serviceCompleted(time);
        if (pools[group].serviceCompleted(time)) {
            int next = nextQueueFor(group, time);
            if (next >= 0) {
                answerHead(group, next, time);
            }
        }
    }

    /** The first group, in plan order, that serves {@code queue} and has an idle agent; −1 if none. */
    private int idleGroupFor(int queue) {
        for (int group : groupsByQueue[queue]) {
            if (pools[group].idle() > 0) {
                return group;
            }
        }
        return -1;
    }

    /**
     * The queue a free agent of {@code group} takes its next item from at {@code time}: among its queues with a
     * (not yet abandoned) item waiting, those of the highest priority, and among them the one whose head item
     * arrived first (plan order on equal arrival times); −1 when nothing is waiting.
     */
    private int nextQueueFor(int group, double time) {
        int best = -1;
        int bestPriority = 0;
        double bestArrival = 0;
        for (int queue : queuesByGroup[group]) {
            if (best >= 0 && priorities[queue] < bestPriority) {
                break;
            }
            WaitingLine line = lines[queue];
            line.abandonExpiredHead(time, ledgers[queue]);
            if (!line.isEmpty() && (best < 0 || line.headArrival() < bestArrival)) {
                best = queue;
                bestPriority = priorities[queue];
                bestArrival = line.headArrival();
            }
        }
        return best;
    }

    private void answerHead(int group, int queue, double time) {
        WaitingLine line = lines[queue];
        double handleSeconds = line.headHandleTime();
        ledgers[queue].answered(line.headInterval(), time - line.headArrival());
        line.removeHead();
        startService(group, queue, time, handleSeconds);
    }

    private void startService(int group, int queue, double time, double handleSeconds) {
        pools[group].serviceStarted(time);
        ledgers[queue].serviceStarted(time);
        schedule(time + handleSeconds, scheduled++, queue * groupCount + group);
    }

    private void schedule(double time, long order, int payload) {
        if (handledTopInHeap) {
            events.replaceTop(time, order, payload);
            handledTopInHeap = false;
        } else {
            events.push(time, order, payload);
        }
    }

    private SimulationResult result() {
        double horizon = intervals * intervalSeconds;
        List<QueueOutcome> queueOutcomes = new ArrayList<>(lines.length);
        for (int q = 0; q < lines.length; q++) {
            lines[q].recordUnresolved(horizon, ledgers[q]);
            queueOutcomes.add(ledgers[q].outcome(plan.queues().get(q).name()));
        }
        List<GroupOutcome> groupOutcomes = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            groupOutcomes.add(pools[g].outcome(plan.groups().get(g).name()));
        }
        return new SimulationResult(seed, intervalSeconds, queueOutcomes, groupOutcomes);
    }
}
