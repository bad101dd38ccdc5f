package org.vigil.workforce.schedule;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.Optional;

/** The coverage model with integer agent counts, solved by CP-SAT. */
final class CpSatSearch {

    record Result(CpSolverStatus status, long[] agents, long objectiveHalfCents, long boundHalfCents) {

        boolean withinGap(double lpBound, double gapLimit) {
            double bound = Math.max(lpBound, boundHalfCents);
            return status == CpSolverStatus.OPTIMAL
                    || (bound > 0 && (objectiveHalfCents - bound) / bound <= gapLimit)
                    || objectiveHalfCents == boundHalfCents;
        }
    }

    private static final double HINT_TOLERANCE = 1e-6;

    private CpSatSearch() {
    }

    /**
     * Stops the search as soon as a solution is within the relative gap limit of the LP bound.
     * CP-SAT's own gap test only knows its own bound; the LP bound is often the tighter proof.
     */
    private static final class StopNearLpBound extends CpSolverSolutionCallback {

        private final CpSolver solver;
        private final double lpBound;
        private final double gapLimit;

        StopNearLpBound(CpSolver solver, Optional<LpRelaxation.Solution> lp, double gapLimit) {
            this.solver = solver;
            this.lpBound = lp.map(LpRelaxation.Solution::objectiveHalfCents).orElse(0.0);
            this.gapLimit = gapLimit;
        }

        @Override
        public void onSolutionCallback() {
            if (lpBound > 0 && (objectiveValue() - lpBound) / lpBound <= gapLimit) {
                solver.stopSearch();
            }
        }
    }

    static Result solve(CoverageModel model, SolverOptions options, Optional<LpRelaxation.Solution> hint) {
        NativeSolvers.load();
        CpModel cp = new CpModel();
        int n = model.columns.size();
        IntVar[] x = new IntVar[n];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int c = 0; c < n; c++) {
            CoverageModel.Column column = model.columns.get(c);
            x[c] = cp.newIntVar(0, column.upperBound(), "x" + c);
            objective.addTerm(x[c], column.costHalfCents());
        }
        for (CoverageModel.CoverRow row : model.coverRows) {
            IntVar shortfall = cp.newIntVar(0, row.required(), "");
            objective.addTerm(shortfall, model.shortfallPenaltyHalfCents);
            LinearExprBuilder cover = LinearExpr.newBuilder().add(shortfall);
            for (int c : row.columns()) {
                cover.add(x[c]);
            }
            cp.addGreaterOrEqual(cover, row.required());
        }
        for (int i = 0; i < Week.INTERVALS; i++) {
            if (model.vendorCapped() && model.columnsCovering[i].length > 0) {
                LinearExprBuilder share = LinearExpr.newBuilder();
                for (int c : model.columnsCovering[i]) {
                    share.addTerm(x[c], model.vendorShareCoefficient(model.columns.get(c)));
                }
                cp.addLessOrEqual(share, 0);
            }
        }
        for (int t = 0; t < model.teamColumns.length; t++) {
            Team team = model.problem.teams().get(t);
            LinearExprBuilder hours = LinearExpr.newBuilder();
            for (int c : model.teamColumns[t]) {
                hours.addTerm(x[c], model.columns.get(c).paidIntervals());
            }
            cp.addLinearConstraint(hours, CoverageModel.minPaidIntervals(team), CoverageModel.maxPaidIntervals(team));
            for (int d = 0; d < PlanWeek.LOCAL_DAYS; d++) {
                LinearExprBuilder perDay = LinearExpr.newBuilder();
                for (int c : model.teamDayColumns[t][d]) {
                    perDay.add(x[c]);
                }
                cp.addLessOrEqual(perDay, team.maxShiftsPerDay());
            }
        }
        cp.minimize(objective);
        hint.ifPresent(lp -> {
            for (int c = 0; c < n; c++) {
                long rounded = (long) Math.ceil(lp.agents()[c] - HINT_TOLERANCE);
                cp.addHint(x[c], Math.min(model.columns.get(c).upperBound(), Math.max(0, rounded)));
            }
        });

        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(options.timeLimit().toMillis() / 1000.0)
                .setNumWorkers(options.workers())
                // CP-SAT divides the gap by the objective; the kernel divides by the bound.
                .setRelativeGapLimit(options.relativeGapLimit() / (1 + options.relativeGapLimit()))
                .setRandomSeed(options.randomSeed())
                .setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(cp, new StopNearLpBound(solver, hint, options.relativeGapLimit()));
        long[] agents = new long[n];
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            for (int c = 0; c < n; c++) {
                agents[c] = solver.value(x[c]);
            }
        }
        return new Result(status, agents, Math.round(solver.objectiveValue()),
                (long) Math.ceil(solver.bestObjectiveBound() - HINT_TOLERANCE));
    }
}
