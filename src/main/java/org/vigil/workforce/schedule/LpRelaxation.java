package org.vigil.workforce.schedule;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Optional;

/**
 * The coverage model with continuous agent counts, solved by GLOP. Its optimum is a lower bound
 * on every integer schedule's objective; its solution, rounded up, is a good starting point.
 */
final class LpRelaxation {

    record Solution(double objectiveHalfCents, double[] agents) {
    }

    private LpRelaxation() {
    }

    static Optional<Solution> solve(CoverageModel model) {
        NativeSolvers.load();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools GLOP solver is not available");
        }
        try {
            int n = model.columns.size();
            MPVariable[] x = new MPVariable[n];
            MPObjective objective = solver.objective();
            for (int c = 0; c < n; c++) {
                CoverageModel.Column column = model.columns.get(c);
                x[c] = solver.makeNumVar(0, column.upperBound(), "x" + c);
                objective.setCoefficient(x[c], column.costHalfCents());
            }
            for (CoverageModel.CoverRow row : model.coverRows) {
                MPVariable shortfall = solver.makeNumVar(0, row.required(), "");
                objective.setCoefficient(shortfall, model.shortfallPenaltyHalfCents);
                MPConstraint cover = solver.makeConstraint(row.required(), Double.POSITIVE_INFINITY, "");
                cover.setCoefficient(shortfall, 1);
                for (int c : row.columns()) {
                    cover.setCoefficient(x[c], 1);
                }
            }
            if (model.vendorCapped()) {
                for (int i = 0; i < Week.INTERVALS; i++) {
                    MPConstraint share = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "vendor" + i);
                    for (int c : model.columnsCovering[i]) {
                        share.setCoefficient(x[c], model.vendorShareCoefficient(model.columns.get(c)));
                    }
                }
            }
            for (int t = 0; t < model.teamColumns.length; t++) {
                Team team = model.problem.teams().get(t);
                MPConstraint hours = solver.makeConstraint(CoverageModel.minPaidIntervals(team),
                        CoverageModel.maxPaidIntervals(team), "hours" + t);
                for (int c : model.teamColumns[t]) {
                    hours.setCoefficient(x[c], model.columns.get(c).paidIntervals());
                }
                for (int d = 0; d < PlanWeek.LOCAL_DAYS; d++) {
                    MPConstraint perDay = solver.makeConstraint(0, team.maxShiftsPerDay(), "day" + t + "_" + d);
                    for (int c : model.teamDayColumns[t][d]) {
                        perDay.setCoefficient(x[c], 1);
                    }
                }
            }
            objective.setMinimization();
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return Optional.empty();
            }
            double[] agents = new double[n];
            for (int c = 0; c < n; c++) {
                agents[c] = x[c].solutionValue();
            }
            return Optional.of(new Solution(objective.value(), agents));
        } finally {
            solver.delete();
        }
    }
}
