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
 * 100, in every interval vendor coverage may be at most that share of total coverage. Each
 * language requirement asks for that many agents of teams speaking the language in each
 * interval, short agents costing the same penalty. Intervals are half hours of {@code week}.
 *
 * @param requiredAgents agents required per interval, exactly {@value Week#INTERVALS} values, each at least 0
 * @param teams teams that may be scheduled, non-empty, distinct names
 * @param shortfallPenaltyCents penalty per missing agent per interval, at least 1
 * @param maxVendorSharePercent most vendor share of coverage per interval, 0..100 (100 = no cap)
 * @param week the week the intervals are half hours of
 * @param languageRequirements agents per language per interval, distinct languages, each spoken by some team
 */
public record ScheduleProblem(
        List<Integer> requiredAgents,
        List<Team> teams,
        long shortfallPenaltyCents,
        int maxVendorSharePercent,
        PlanWeek week,
        List<LanguageRequirement> languageRequirements) {

    /** Validates the problem; throws {@link IllegalArgumentException} when invalid. */
    public ScheduleProblem {
        requiredAgents = checkedWeek(requiredAgents, "requirement");
        Objects.requireNonNull(teams, "teams");
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("problem has no team");
        }
        teams = List.copyOf(teams);
        Objects.requireNonNull(week, "week");
        checkNames(teams, week);
        if (shortfallPenaltyCents < 1) {
            throw new IllegalArgumentException("shortfall penalty must be at least 1 cent, got " + shortfallPenaltyCents);
        }
        if (maxVendorSharePercent < 0 || maxVendorSharePercent > 100) {
            throw new IllegalArgumentException("max vendor share must be within 0..100 percent, got "
                    + maxVendorSharePercent);
        }
        languageRequirements = List.copyOf(languageRequirements);
        Set<String> languages = new HashSet<>();
        for (LanguageRequirement requirement : languageRequirements) {
            if (!languages.add(requirement.language())) {
                throw new IllegalArgumentException("language '" + requirement.language() + "' is required twice");
            }
            if (teams.stream().noneMatch(team -> team.languages().contains(requirement.language()))) {
                throw new IllegalArgumentException("no team speaks '" + requirement.language() + "'");
            }
        }
    }

    static List<Integer> checkedWeek(List<Integer> agents, String what) {
        Objects.requireNonNull(agents, what);
        if (agents.size() != Week.INTERVALS) {
            throw new IllegalArgumentException(what + " must have " + Week.INTERVALS + " half-hour intervals, got "
                    + agents.size());
        }
        for (int i = 0; i < agents.size(); i++) {
            Integer required = agents.get(i);
            if (required == null || required < 0) {
                throw new IllegalArgumentException(what + " at interval " + i + " must be a non-negative number, got "
                        + required);
            }
        }
        return List.copyOf(agents);
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
        return new ScheduleProblem(required, teams, defaultShortfallPenaltyCents(teams), 100, PlanWeek.DEFAULT,
                List.of());
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
        return new ScheduleProblem(requiredAgents, teams, penaltyCents, maxVendorSharePercent, week,
                languageRequirements);
    }

    /**
     * This problem with a vendor share cap.
     *
     * @param percent most vendor share of coverage per interval, 0..100
     * @return a new problem
     */
    public ScheduleProblem withMaxVendorSharePercent(int percent) {
        return new ScheduleProblem(requiredAgents, teams, shortfallPenaltyCents, percent, week, languageRequirements);
    }

    /**
     * This problem in another week: the teams' local shifts map to the week's intervals on its dates.
     *
     * @param planWeek the week
     * @return a new problem
     */
    public ScheduleProblem inWeek(PlanWeek planWeek) {
        return new ScheduleProblem(requiredAgents, teams, shortfallPenaltyCents, maxVendorSharePercent, planWeek,
                languageRequirements);
    }

    /**
     * This problem with language requirements.
     *
     * @param requirements agents per language per interval
     * @return a new problem
     */
    public ScheduleProblem withLanguageRequirements(List<LanguageRequirement> requirements) {
        return new ScheduleProblem(requiredAgents, teams, shortfallPenaltyCents, maxVendorSharePercent, week,
                requirements);
    }

    private static void checkNames(List<Team> teams, PlanWeek week) {
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
                if (template.candidateShifts(week, team.timeZone()).isEmpty()) {
                    throw new IllegalArgumentException("shift template '" + template.name() + "' of team '"
                            + team.name() + "' has no start that lies within the week");
                }
            }
        }
    }
}
