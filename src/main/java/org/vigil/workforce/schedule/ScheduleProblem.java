package org.vigil.workforce.schedule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One week's scheduling problem.
 *
 * <p>{@code requiredAgents.get(i)} is the number of agents needed in week interval {@code i}
 * (already including shrinkage). Each interval left short costs
 * {@code shortfallPenaltyCents} per missing agent. When {@code maxVendorSharePercent} is below
 * 100, in every interval vendor coverage may be at most that share of total coverage.
 *
 * @param requiredAgents agents required per interval, exactly {@value Week#INTERVALS} values, each at least 0
 * @param teams teams that may be scheduled, non-empty, distinct names
 * @param shortfallPenaltyCents penalty per missing agent per interval, at least 1
 * @param maxVendorSharePercent most vendor share of coverage per interval, 0..100 (100 = no cap)
 */
public record ScheduleProblem(
        List<Integer> requiredAgents,
        List<Team> teams,
        long shortfallPenaltyCents,
        int maxVendorSharePercent) {

    /** Validates the problem; throws {@link IllegalArgumentException} when invalid. */
    public ScheduleProblem {
        Objects.requireNonNull(requiredAgents, "requiredAgents");
        if (requiredAgents.size() != Week.INTERVALS) {
            throw new IllegalArgumentException("requirement must have " + Week.INTERVALS
                    + " half-hour intervals, got " + requiredAgents.size());
        }
        for (int i = 0; i < requiredAgents.size(); i++) {
            Integer required = requiredAgents.get(i);
            if (required == null || required < 0) {
                throw new IllegalArgumentException("requirement at interval " + i + " must be a non-negative number, got "
                        + required);
            }
        }
        requiredAgents = List.copyOf(requiredAgents);
        Objects.requireNonNull(teams, "teams");
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("problem has no team");
        }
        teams = List.copyOf(teams);
        checkNames(teams);
        if (shortfallPenaltyCents < 1) {
            throw new IllegalArgumentException("shortfall penalty must be at least 1 cent, got " + shortfallPenaltyCents);
        }
        if (maxVendorSharePercent < 0 || maxVendorSharePercent > 100) {
            throw new IllegalArgumentException("max vendor share must be within 0..100 percent, got "
                    + maxVendorSharePercent);
        }
    }

    /**
     * A problem with the default shortfall penalty and no vendor share cap.
     *
     * @param requiredAgents agents required per interval
     * @param teams teams that may be scheduled
     * @return the problem
     */
    public static ScheduleProblem of(int[] requiredAgents, List<Team> teams) {
        Objects.requireNonNull(requiredAgents, "requiredAgents");
        Objects.requireNonNull(teams, "teams");
        List<Integer> required = Arrays.stream(requiredAgents).boxed().toList();
        return new ScheduleProblem(required, teams, defaultShortfallPenaltyCents(teams), 100);
    }

    /**
     * The default penalty per missing agent-interval: the larger of ten times the most
     * expensive hourly cost and one cent more than the most expensive single shift any team can
     * work, so that a shortfall is never accepted merely because covering it costs money.
     *
     * @param teams the teams
     * @return the penalty in cents, at least 1
     */
    public static long defaultShortfallPenaltyCents(List<Team> teams) {
        long maxRate = 0;
        long maxShift = 0;
        for (Team team : teams) {
            maxRate = Math.max(maxRate, team.costPerHourCents());
            for (ShiftTemplate template : team.templates()) {
                long shiftCents = Math.ceilDiv(team.costPerHourCents() * template.paidIntervals(), 2);
                maxShift = Math.max(maxShift, shiftCents);
            }
        }
        return Math.max(1, Math.max(10 * maxRate, maxShift + 1));
    }

    /**
     * This problem with another shortfall penalty.
     *
     * @param penaltyCents penalty per missing agent per interval
     * @return a new problem
     */
    public ScheduleProblem withShortfallPenaltyCents(long penaltyCents) {
        return new ScheduleProblem(requiredAgents, teams, penaltyCents, maxVendorSharePercent);
    }

    /**
     * This problem with a vendor share cap.
     *
     * @param percent most vendor share of coverage per interval, 0..100
     * @return a new problem
     */
    public ScheduleProblem withMaxVendorSharePercent(int percent) {
        return new ScheduleProblem(requiredAgents, teams, shortfallPenaltyCents, percent);
    }

    private static void checkNames(List<Team> teams) {
        Set<String> teamNames = new HashSet<>();
        Map<String, ShiftTemplate> templates = new HashMap<>();
        for (Team team : teams) {
            Objects.requireNonNull(team, "team");
            if (!teamNames.add(team.name())) {
                throw new IllegalArgumentException("team name '" + team.name() + "' is used twice");
            }
            for (ShiftTemplate template : team.templates()) {
                ShiftTemplate known = templates.putIfAbsent(template.name(), template);
                if (known != null && !known.equals(template)) {
                    throw new IllegalArgumentException("shift template name '" + template.name()
                            + "' names two different templates");
                }
                if (known == null && template.candidateShifts().isEmpty()) {
                    throw new IllegalArgumentException("shift template '" + template.name()
                            + "' has no start that ends within the week");
                }
            }
        }
    }
}
