package org.vigil.workforce.simulation;

import java.util.List;
import java.util.Set;

/**
 * A group of interchangeable agents sharing one skill set and one staffing schedule.
 *
 * <p>{@code headcount.get(i)} agents of the group are on duty during interval {@code i}. When the headcount
 * drops at an interval boundary, idle agents leave at once; if too few are idle, the missing departures are
 * taken by the next agents of the group to finish an item, each leaving as soon as it finishes (no agent
 * abandons an item, and an agent whose shift has ended takes no new one). The time those agents spend
 * finishing is reported as overtime. When the headcount rises while such departures are still pending, the
 * pending departures are cancelled first and only the remainder join as new, idle agents.
 *
 * @param name      a non-blank name, unique within the plan
 * @param queues    names of the queues these agents may take items from; at least one, each defined in the plan
 * @param headcount agents on duty per interval, one entry per interval of the plan, each in
 *                  {@code [0, }{@value #MAX_HEADCOUNT}{@code ]}
 */
public record AgentGroup(String name, Set<String> queues, List<Integer> headcount) {

    /** Largest headcount accepted for one group in one interval. */
    public static final int MAX_HEADCOUNT = 1_000_000;

    public AgentGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("agent group name must not be blank");
        }
        if (queues == null || queues.isEmpty()) {
            throw new IllegalArgumentException("agent group '" + name + "': queues must name at least one queue");
        }
        for (String queue : queues) {
            if (queue == null || queue.isBlank()) {
                throw new IllegalArgumentException("agent group '" + name + "': queue names must not be blank");
            }
        }
        queues = Set.copyOf(queues);
        if (headcount == null || headcount.isEmpty()) {
            throw new IllegalArgumentException("agent group '" + name
                    + "': headcount must have one entry per interval, was empty");
        }
        for (int i = 0; i < headcount.size(); i++) {
            Integer count = headcount.get(i);
            if (count == null || count < 0 || count > MAX_HEADCOUNT) {
                throw new IllegalArgumentException("agent group '" + name + "': headcount[" + i + "] must be in [0, "
                        + MAX_HEADCOUNT + "], was " + count);
            }
        }
        headcount = List.copyOf(headcount);
    }
}
