package org.vigil.workforce.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A solved week.
 *
 * <p>Money is in currency units (the teams' cents / 100), exact to a tenth of a cent because a
 * half-hour at an odd cent rate costs half a cent. {@code objective} is
 * {@code workforceCost + shortfallPenalty} and is the quantity both solvers minimise;
 * {@code lpBound} is GLOP's optimum of the same model with continuous agent counts (a lower bound
 * on any schedule's objective up to GLOP's 1e-7 tolerance), and
 * {@code gapToLpBound = (objective − lpBound) / lpBound}.
 *
 * @param shifts shifts with at least one agent, ordered by start, team, template
 * @param coverage one entry per week interval, in order
 * @param teamCosts one entry per team, in problem order
 * @param workforceCost total paid cost of all shifts
 * @param paidHours total paid agent-hours
 * @param totalShortfall sum of shortfall over all intervals (agent-intervals)
 * @param languageCoverage one entry per language requirement, in problem order
 * @param shortfallPenalty total and language shortfall times the problem's penalty
 * @param objective workforce cost plus shortfall penalty
 * @param cpSatBound CP-SAT's proven lower bound on the objective
 * @param lpBound linear relaxation optimum, absent if not requested
 * @param gapToLpBound relative gap to the LP bound, absent if not requested or the bound is 0
 * @param status how the search ended
 * @param wallTime wall-clock time of model build, LP and CP-SAT together
 */
public record Schedule(
        List<AssignedShift> shifts,
        List<IntervalCoverage> coverage,
        List<TeamCost> teamCosts,
        BigDecimal workforceCost,
        double paidHours,
        long totalShortfall,
        List<LanguageCoverage> languageCoverage,
        BigDecimal shortfallPenalty,
        BigDecimal objective,
        BigDecimal cpSatBound,
        Optional<BigDecimal> lpBound,
        OptionalDouble gapToLpBound,
        SolveStatus status,
        Duration wallTime) {

    /** Makes the lists immutable. */
    public Schedule {
        shifts = List.copyOf(shifts);
        coverage = List.copyOf(coverage);
        teamCosts = List.copyOf(teamCosts);
        languageCoverage = List.copyOf(languageCoverage);
    }
}
