package org.vigil.workforce.schedule;

import com.google.ortools.sat.CpSolverStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Entry point: finds a least-cost weekly schedule.
 *
 * <p>Chooses an integer number of agents for every (team, candidate shift) so as to minimise
 * Σ team hourly cost × paid hours × agents + shortfall penalty × Σ shortfall, where the
 * shortfall of an interval is how many required agents are not covered, in total and for each
 * language requirement by the teams that speak it. Constraints: each
 * team's weekly paid hours within its band, at most {@code maxShiftsPerDay} of a team's shifts
 * starting on one day, and, if capped, vendor coverage at most the given share of coverage in
 * every interval. The linear relaxation is solved first with GLOP (bound and search hint), then
 * the integer model with CP-SAT using at most {@link SolverOptions#workers()} threads. The
 * search stops at proven optimality, at the first schedule within
 * {@link SolverOptions#relativeGapLimit()} of the LP bound or of CP-SAT's own bound, or at the
 * time limit, which counts from the start of the call (model and LP included; the search gets at
 * least a second).
 *
 * <p>Stateless and safe to call from several threads; each call uses its own solvers.
 */
public final class ScheduleSolver {

    /** The least time the integer search gets, even when building the model and the LP used up the limit. */
    private static final Duration MIN_SEARCH = Duration.ofSeconds(1);

    private ScheduleSolver() {
    }

    /**
     * Solves a problem.
     *
     * @param problem the week to cover
     * @param options search limits
     * @return the best schedule found
     * @throws ScheduleNotFoundException if the team constraints are contradictory or no schedule was found in time
     */
    public static Schedule solve(ScheduleProblem problem, SolverOptions options) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        CoverageModel model = new CoverageModel(problem);
        Optional<LpRelaxation.Solution> lp = options.computeLpBound() ? LpRelaxation.solve(model) : Optional.empty();
        // the time limit bounds the whole solve: what the model and the LP took comes off the search
        Duration left = options.timeLimit().minusNanos(System.nanoTime() - started);
        CpSatSearch.Result result = CpSatSearch.solve(model,
                options.withTimeLimit(left.compareTo(MIN_SEARCH) < 0 ? MIN_SEARCH : left), lp);
        SolveStatus status;
        double lpBound = lp.map(LpRelaxation.Solution::objectiveHalfCents).orElse(0.0);
        if (result.status() == CpSolverStatus.OPTIMAL || result.status() == CpSolverStatus.FEASIBLE) {
            status = result.withinGap(lpBound, options.relativeGapLimit()) ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        } else {
            throw new ScheduleNotFoundException(result.status().name(), "no schedule found: CP-SAT returned "
                    + result.status() + (result.status() == CpSolverStatus.INFEASIBLE
                            ? " (team paid-hour floors cannot be met within the daily shift limits)"
                            : " within " + options.timeLimit()));
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - started);
        return assemble(model, result, lp, status, wallTime);
    }

    private static Schedule assemble(CoverageModel model, CpSatSearch.Result result,
            Optional<LpRelaxation.Solution> lp, SolveStatus status, Duration wallTime) {
        List<Team> teams = model.problem.teams();
        int[] teamShifts = new int[teams.size()];
        long[] teamPaidIntervals = new long[teams.size()];
        long[] teamCostHalfCents = new long[teams.size()];
        List<AssignedShift> shifts = new ArrayList<>();
        for (int c = 0; c < model.columns.size(); c++) {
            long agents = result.agents()[c];
            if (agents == 0) {
                continue;
            }
            CoverageModel.Column column = model.columns.get(c);
            teamShifts[column.team()] += (int) agents;
            teamPaidIntervals[column.team()] += agents * column.paidIntervals();
            teamCostHalfCents[column.team()] += agents * column.costHalfCents();
            CandidateShift shift = column.shift();
            shifts.add(new AssignedShift(teams.get(column.team()).name(), shift.template().name(), shift.day(),
                    shift.startInterval(), shift.absoluteStart(), (int) agents, column.paidIntervals() / 2.0,
                    shift.localStart()));
        }
        shifts.sort(Comparator.comparingInt(AssignedShift::absoluteStart)
                .thenComparing(AssignedShift::team)
                .thenComparing(AssignedShift::template));

        List<IntervalCoverage> coverage = coverage(model.required, model.columnsCovering, result.agents());
        long totalShortfall = shortfall(coverage);
        long allShortfall = totalShortfall;
        List<LanguageCoverage> languageCoverage = new ArrayList<>();
        for (int l = 0; l < model.languageRequired.length; l++) {
            List<IntervalCoverage> intervals = coverage(model.languageRequired[l], model.columnsCoveringLanguage[l],
                    result.agents());
            long shortfall = shortfall(intervals);
            allShortfall += shortfall;
            languageCoverage.add(new LanguageCoverage(model.problem.languageRequirements().get(l).language(),
                    intervals, shortfall));
        }

        List<TeamCost> teamCosts = new ArrayList<>(teams.size());
        long costHalfCents = 0;
        long paidIntervals = 0;
        for (int t = 0; t < teams.size(); t++) {
            teamCosts.add(new TeamCost(teams.get(t).name(), teamShifts[t], teamPaidIntervals[t] / 2.0,
                    money(teamCostHalfCents[t])));
            costHalfCents += teamCostHalfCents[t];
            paidIntervals += teamPaidIntervals[t];
        }
        long penaltyHalfCents = Math.multiplyExact(allShortfall, model.shortfallPenaltyHalfCents);
        long objectiveHalfCents = costHalfCents + penaltyHalfCents;

        Optional<BigDecimal> lpBound = lp.map(s -> BigDecimal.valueOf(s.objectiveHalfCents())
                .divide(BigDecimal.valueOf(200), 3, RoundingMode.FLOOR));
        OptionalDouble gap = lp.filter(s -> s.objectiveHalfCents() > 0)
                .map(s -> OptionalDouble.of((objectiveHalfCents - s.objectiveHalfCents()) / s.objectiveHalfCents()))
                .orElse(OptionalDouble.empty());
        return new Schedule(shifts, coverage, teamCosts, money(costHalfCents), paidIntervals / 2.0, totalShortfall,
                languageCoverage, money(penaltyHalfCents), money(objectiveHalfCents), money(Math.min(result.boundHalfCents(),
                        objectiveHalfCents)), lpBound, gap, status, wallTime);
    }

    /** Per interval, the agents of the columns covering it against the agents required. */
    private static List<IntervalCoverage> coverage(int[] required, int[][] columnsCovering, long[] agents) {
        List<IntervalCoverage> coverage = new ArrayList<>(Week.INTERVALS);
        for (int i = 0; i < Week.INTERVALS; i++) {
            int covered = 0;
            for (int c : columnsCovering[i]) {
                covered += (int) agents[c];
            }
            coverage.add(new IntervalCoverage(i, required[i], covered, Math.max(0, required[i] - covered)));
        }
        return coverage;
    }

    private static long shortfall(List<IntervalCoverage> coverage) {
        return coverage.stream().mapToLong(IntervalCoverage::shortfall).sum();
    }

    private static BigDecimal money(long halfCents) {
        return BigDecimal.valueOf(halfCents * 5, 3);
    }
}
