package org.vigil.workforce.simulation;

/**
 * What happened to one queue's items, for one interval or for the whole horizon.
 *
 * <p><b>Attribution.</b> Every item-based figure belongs to the interval in which the item <em>arrived</em>,
 * wherever its answer or abandonment falls: an item arriving at 09:59 and answered at 10:02 is counted, with
 * its three-minute wait, in the 09:30 interval. Only {@code waitingAtEnd} and {@code handlingAgentSeconds} are
 * measured over the interval itself. The whole-horizon figures are the sums (maxima for {@code maxWaitSeconds})
 * over the intervals, with {@code waitingAtEnd} the backlog at the end of the horizon.
 *
 * <p><b>Outcomes.</b> An item is <em>answered</em> when an agent takes it (its wait ends then; handling may go
 * on past the horizon), <em>abandoned</em> when its patience runs out first, and <em>unresolved</em> when it is
 * still waiting at the end of the horizon. Hence {@code arrivals = answered + abandoned + unresolved}.
 *
 * @param arrivals             items that arrived
 * @param answered             of those, items an agent took
 * @param answeredWithinTarget of those answered, items whose wait was at most the queue's target
 * @param abandoned            items that abandoned before being answered
 * @param delayed              items that found no free agent able to take them on arrival and had to queue
 *                             (including items that then abandoned or were still waiting at the end)
 * @param unresolved           items still waiting at the end of the horizon
 * @param undetermined         of the unresolved items, those that had waited no longer than the target when
 *                             the horizon ended, so that whether they will be answered in time is unknown
 * @param answeredWaitSeconds  total wait of the answered items, seconds (items answered at once add 0)
 * @param abandonedWaitSeconds total wait of the abandoned items until they abandoned, seconds
 * @param maxWaitSeconds       longest wait of any item that arrived, seconds: answered and abandoned items with
 *                             their full wait, unresolved items with their wait up to the end of the horizon (a
 *                             lower bound); 0 when nothing arrived
 * @param waitingAtEnd         items of this queue waiting (neither answered nor abandoned) at the end of the
 *                             interval, whatever interval they arrived in
 * @param handlingAgentSeconds agent time spent handling this queue's items during the interval, seconds
 */
public record QueueStatistics(
        long arrivals,
        long answered,
        long answeredWithinTarget,
        long abandoned,
        long delayed,
        long unresolved,
        long undetermined,
        double answeredWaitSeconds,
        double abandonedWaitSeconds,
        double maxWaitSeconds,
        long waitingAtEnd,
        double handlingAgentSeconds) {

    /**
     * Share of arrivals answered within the target, abandoned items counting as failures:
     * {@code answeredWithinTarget / (arrivals − undetermined)}. Unresolved items that had already waited longer
     * than the target count as failures; the undetermined ones are left out, because their outcome is unknown.
     * 1 when that denominator is 0 (nothing to measure).
     */
    public double serviceLevel() {
        long measured = arrivals - undetermined;
        return measured == 0 ? 1.0 : (double) answeredWithinTarget / measured;
    }

    /**
     * Mean wait over the resolved items (answered and abandoned), seconds: items answered at once count 0,
     * abandoned items count their time until abandoning. This is the "average speed of answer" of Erlang C and
     * Erlang A (mean time in queue over all arrivals). 0 when no item was resolved.
     */
    public double averageWaitSeconds() {
        long resolved = answered + abandoned;
        return resolved == 0 ? 0.0 : (answeredWaitSeconds + abandonedWaitSeconds) / resolved;
    }

    /** Mean wait of the answered items only, seconds; 0 when none was answered. */
    public double averageAnsweredWaitSeconds() {
        return answered == 0 ? 0.0 : answeredWaitSeconds / answered;
    }

    /** Share of resolved items (answered and abandoned) that abandoned; 0 when none was resolved. */
    public double abandonmentRate() {
        long resolved = answered + abandoned;
        return resolved == 0 ? 0.0 : (double) abandoned / resolved;
    }

    /** Share of arrivals that had to queue, {@code delayed / arrivals}; 0 when nothing arrived. */
    public double probabilityOfWaiting() {
        return arrivals == 0 ? 0.0 : (double) delayed / arrivals;
    }
}
