package org.vigil.workforce.simulation;

/**
 * The items of one queue waiting for an agent, in arrival order (FIFO), as a growable ring buffer over
 * parallel primitive arrays: arrival time, abandonment deadline ({@code +∞} without patience), handling time
 * and arrival interval.
 *
 * <p>Abandonment is applied lazily: an item whose deadline has passed stays in the buffer until it reaches the
 * head (when an agent looks for work) or until the interval closes, and is then recorded as abandoned at its
 * deadline. Either way it is never handed to an agent that becomes free at or after its deadline, so the
 * simulated behaviour is the same as removing it at its deadline.
 */
final class WaitingLine {

    private double[] arrivals = new double[16];
    private double[] deadlines = new double[16];
    private double[] handleTimes = new double[16];
    private int[] intervals = new int[16];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    /** Items in the buffer, including any whose deadline has passed but that were not yet removed. */
    int size() {
        return size;
    }

    void add(double arrival, double deadline, double handleTime, int interval) {
        if (size == arrivals.length) {
            grow();
        }
        int slot = (head + size) & (arrivals.length - 1);
        arrivals[slot] = arrival;
        deadlines[slot] = deadline;
        handleTimes[slot] = handleTime;
        intervals[slot] = interval;
        size++;
    }

    double headArrival() {
        return arrivals[head];
    }

    double headHandleTime() {
        return handleTimes[head];
    }

    int headInterval() {
        return intervals[head];
    }

    void removeHead() {
        head = (head + 1) & (arrivals.length - 1);
        size--;
    }

    /** Removes the items at the head whose deadline is at or before {@code now}, recording them as abandoned. */
    void abandonExpiredHead(double now, QueueLedger ledger) {
        while (size > 0 && deadlines[head] <= now) {
            ledger.abandoned(intervals[head], deadlines[head] - arrivals[head]);
            removeHead();
        }
    }

    /**
     * Removes every item whose deadline is at or before {@code now}, wherever it is in the line, recording it as
     * abandoned, and keeps the others in order.
     */
    void abandonAllExpired(double now, QueueLedger ledger) {
        int mask = arrivals.length - 1;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int from = (head + i) & mask;
            if (deadlines[from] <= now) {
                ledger.abandoned(intervals[from], deadlines[from] - arrivals[from]);
            } else {
                int to = (head + kept) & mask;
                arrivals[to] = arrivals[from];
                deadlines[to] = deadlines[from];
                handleTimes[to] = handleTimes[from];
                intervals[to] = intervals[from];
                kept++;
            }
        }
        size = kept;
    }

    /** Records every item still in the line as unresolved at time {@code end}. */
    void recordUnresolved(double end, QueueLedger ledger) {
        int mask = arrivals.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & mask;
            ledger.unresolved(intervals[slot], end - arrivals[slot]);
        }
    }

    private void grow() {
        int capacity = arrivals.length * 2;
        arrivals = unwrap(arrivals, capacity);
        deadlines = unwrap(deadlines, capacity);
        handleTimes = unwrap(handleTimes, capacity);
        int[] widened = new int[capacity];
        for (int i = 0; i < size; i++) {
            widened[i] = intervals[(head + i) & (intervals.length - 1)];
        }
        intervals = widened;
        head = 0;
    }

    private double[] unwrap(double[] values, int capacity) {
        double[] widened = new double[capacity];
        int firstPart = Math.min(size, values.length - head);
        System.arraycopy(values, head, widened, 0, firstPart);
        System.arraycopy(values, 0, widened, firstPart, size - firstPart);
        return widened;
    }
}
