package org.vigil.workforce.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSolverTest {

    private static final ShiftTemplate FOUR_HOURS =
            new ShiftTemplate("4h", 8, ShiftTemplate.startsEvery(2), List.of(), EnumSet.of(DayOfWeek.MONDAY));
    private static final int[] TWO_AGENTS_MONDAY_DAYTIME = SampleWeeks.flat(16, 32, 2);
    private static final SolverOptions OPTIONS =
            SolverOptions.defaults().withTimeLimit(Duration.ofSeconds(20)).withRelativeGapLimit(0);

    @Test
    void aFlatTwoAgentBlockOfTwoShiftLengthsNeedsExactlyFourShifts() {
        Team team = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(FOUR_HOURS));

        Schedule schedule = ScheduleSolver.solve(ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(team)), OPTIONS);

        assertThat(schedule.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(schedule.shifts()).extracting(AssignedShift::startInterval, AssignedShift::agents)
                .containsExactly(tuple(16, 2), tuple(24, 2));
        assertThat(schedule.totalShortfall()).isZero();
        assertThat(schedule.paidHours()).isEqualTo(16.0);
        assertThat(schedule.workforceCost()).isEqualByComparingTo("320");
        assertThat(schedule.objective()).isEqualByComparingTo("320");
    }

    @Test
    void theCheaperVendorTakesAllShiftsWhenBothTeamsCanCover() {
        Team inHouse = Team.withoutHourLimits("in-house", false, 3000, 10, List.of(FOUR_HOURS));
        Team vendor = Team.withoutHourLimits("vendor", true, 2000, 10, List.of(FOUR_HOURS));

        Schedule schedule = ScheduleSolver.solve(
                ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(inHouse, vendor)), OPTIONS);

        assertThat(schedule.shifts()).allSatisfy(shift -> assertThat(shift.team()).isEqualTo("vendor"));
        assertThat(schedule.teamCosts()).extracting(TeamCost::team, TeamCost::shifts)
                .containsExactly(tuple("in-house", 0),
                        tuple("vendor", 4));
        assertThat(schedule.workforceCost()).isEqualByComparingTo("320");
    }

    @Test
    void aVendorWeeklyHourCeilingForcesMixingTeams() {
        Team inHouse = Team.withoutHourLimits("in-house", false, 3000, 10, List.of(FOUR_HOURS));
        Team vendor = new Team("vendor", true, 2000, 10, 0, 8, List.of(FOUR_HOURS));

        Schedule schedule = ScheduleSolver.solve(
                ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(inHouse, vendor)), OPTIONS);

        assertThat(schedule.teamCosts()).extracting(TeamCost::team, TeamCost::paidHours, TeamCost::cost)
                .containsExactly(tuple("in-house", 8.0, new BigDecimal("240.000")),
                        tuple("vendor", 8.0, new BigDecimal("160.000")));
        assertThat(schedule.workforceCost()).isEqualByComparingTo("400");
        assertThat(schedule.totalShortfall()).isZero();
    }

    @Test
    void aTeamWeeklyHourFloorIsMetEvenWhenItCostsMore() {
        Team inHouse = new Team("in-house", false, 3000, 10, 8, 100, List.of(FOUR_HOURS));
        Team vendor = Team.withoutHourLimits("vendor", true, 2000, 10, List.of(FOUR_HOURS));

        Schedule schedule = ScheduleSolver.solve(
                ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(inHouse, vendor)), OPTIONS);

        assertThat(schedule.teamCosts().get(0).paidHours()).isEqualTo(8.0);
        assertThat(schedule.workforceCost()).isEqualByComparingTo("400");
    }

    @Test
    void shortfallAppearsOnlyWhenDailyCapacityIsInsufficientAndIsPenalised() {
        Team team = Team.withoutHourLimits("in-house", false, 2000, 2, List.of(FOUR_HOURS));
        ScheduleProblem problem = ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(team));

        Schedule schedule = ScheduleSolver.solve(problem, OPTIONS);

        assertThat(schedule.shifts().stream().mapToInt(AssignedShift::agents).sum()).isEqualTo(2);
        assertThat(schedule.totalShortfall()).isEqualTo(16);
        BigDecimal penalty = BigDecimal.valueOf(problem.shortfallPenaltyCents()).movePointLeft(2);
        assertThat(schedule.shortfallPenalty()).isEqualByComparingTo(penalty.multiply(BigDecimal.valueOf(16)));
        assertThat(schedule.objective()).isEqualByComparingTo(schedule.workforceCost().add(schedule.shortfallPenalty()));
    }

    @Test
    void aPenaltyCheaperThanWorkLeavesTheRequirementUncovered() {
        Team team = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(FOUR_HOURS));
        ScheduleProblem problem = ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(team)).withShortfallPenaltyCents(1);

        Schedule schedule = ScheduleSolver.solve(problem, OPTIONS);

        assertThat(schedule.shifts()).isEmpty();
        assertThat(schedule.totalShortfall()).isEqualTo(32);
        assertThat(schedule.objective()).isEqualByComparingTo("0.32");
    }

    @Test
    void aBreakLeavesAHoleThatAnOverlappingShiftMustFill() {
        ShiftTemplate withBreak = new ShiftTemplate("4h+break", 8, ShiftTemplate.startsEvery(1), List.of(4),
                EnumSet.of(DayOfWeek.MONDAY));
        Team team = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(withBreak));

        Schedule schedule = ScheduleSolver.solve(ScheduleProblem.of(SampleWeeks.flat(16, 24, 1), List.of(team)), OPTIONS);

        assertThat(schedule.totalShortfall()).isZero();
        assertThat(schedule.shifts().stream().mapToInt(AssignedShift::agents).sum()).isEqualTo(2);
        assertThat(schedule.paidHours()).isEqualTo(7.0);
    }

    @Test
    void aBreakNoOtherStartCanFillBecomesShortfall() {
        ShiftTemplate fixedStart = new ShiftTemplate("4h+break", 8, List.of(16), List.of(4),
                EnumSet.of(DayOfWeek.MONDAY));
        Team team = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(fixedStart));

        Schedule schedule = ScheduleSolver.solve(ScheduleProblem.of(SampleWeeks.flat(16, 24, 1), List.of(team)), OPTIONS);

        assertThat(schedule.coverage()).filteredOn(c -> c.shortfall() > 0)
                .extracting(IntervalCoverage::interval).containsExactly(20);
        assertThat(schedule.shifts()).extracting(AssignedShift::agents).containsExactly(1);
    }

    @Test
    void aShiftMayCrossMidnightIntoTheNextDay() {
        ShiftTemplate night = new ShiftTemplate("night", 16, List.of(40), List.of(), EnumSet.of(DayOfWeek.MONDAY));
        Team team = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(night));

        Schedule schedule = ScheduleSolver.solve(ScheduleProblem.of(SampleWeeks.flat(40, 56, 3), List.of(team)), OPTIONS);

        assertThat(schedule.shifts()).singleElement()
                .satisfies(shift -> assertThat(shift.agents()).isEqualTo(3))
                .satisfies(shift -> assertThat(shift.day()).isEqualTo(DayOfWeek.MONDAY));
        assertThat(schedule.totalShortfall()).isZero();
    }

    @Test
    void vendorCoverageStaysWithinTheShareCapInEveryInterval() {
        Team inHouse = Team.withoutHourLimits("in-house", false, 3000, 10, List.of(FOUR_HOURS));
        Team vendor = Team.withoutHourLimits("vendor", true, 2000, 10, List.of(FOUR_HOURS));
        ScheduleProblem problem = ScheduleProblem.of(SampleWeeks.flat(16, 32, 4), List.of(inHouse, vendor))
                .withMaxVendorSharePercent(50);

        Schedule schedule = ScheduleSolver.solve(problem, OPTIONS);

        assertThat(schedule.teamCosts()).extracting(TeamCost::shifts).containsExactly(4, 4);
        assertThat(schedule.totalShortfall()).isZero();
        assertThat(schedule.workforceCost()).isEqualByComparingTo("800");
    }

    @Test
    void contradictoryTeamConstraintsRaiseScheduleNotFound() {
        Team team = new Team("in-house", false, 2000, 1, 40, 100, List.of(FOUR_HOURS));

        assertThatThrownBy(() -> ScheduleSolver.solve(ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(team)),
                OPTIONS))
                .isInstanceOf(ScheduleNotFoundException.class)
                .hasMessageContaining("INFEASIBLE")
                .extracting(e -> ((ScheduleNotFoundException) e).solverStatus()).isEqualTo("INFEASIBLE");
    }

    @Test
    void theLpBoundNeverExceedsTheObjectiveAndTheGapIsReported() {
        Schedule schedule = ScheduleSolver.solve(twoDayProblem(), OPTIONS.withTimeLimit(Duration.ofSeconds(10))
                .withRelativeGapLimit(0.01));

        assertThat(schedule.lpBound()).isPresent();
        BigDecimal lpBound = schedule.lpBound().orElseThrow();
        assertThat(lpBound).isLessThanOrEqualTo(schedule.objective());
        assertThat(lpBound).isGreaterThan(BigDecimal.ZERO);
        double expectedGap = schedule.objective().subtract(lpBound).doubleValue() / lpBound.doubleValue();
        assertThat(schedule.gapToLpBound()).hasValueCloseTo(expectedGap, offset(1e-6));
        assertThat(schedule.cpSatBound()).isLessThanOrEqualTo(schedule.objective());
    }

    @Test
    void theCoverageReportEqualsTheAgentsOfTheShiftsCoveringEachInterval() {
        ScheduleProblem problem = twoDayProblem();
        Schedule schedule = ScheduleSolver.solve(problem, OPTIONS.withTimeLimit(Duration.ofSeconds(10))
                .withRelativeGapLimit(0.02));

        int[] recomputed = new int[Week.INTERVALS];
        for (AssignedShift shift : schedule.shifts()) {
            ShiftTemplate template = problem.teams().stream().flatMap(t -> t.templates().stream())
                    .filter(t -> t.name().equals(shift.template())).findFirst().orElseThrow();
            CandidateShift candidate = template.candidateShifts().stream()
                    .filter(c -> c.absoluteStart() == shift.absoluteStart()).findFirst().orElseThrow();
            for (int i : candidate.coveredIntervals()) {
                recomputed[i] += shift.agents();
            }
        }
        assertThat(schedule.coverage()).hasSize(Week.INTERVALS);
        for (IntervalCoverage interval : schedule.coverage()) {
            assertThat(interval.covered()).as("interval %d", interval.interval()).isEqualTo(recomputed[interval.interval()]);
            assertThat(interval.required()).isEqualTo(problem.requiredAgents().get(interval.interval()));
            assertThat(interval.shortfall()).isEqualTo(Math.max(0, interval.required() - interval.covered()));
        }
        assertThat(schedule.totalShortfall()).isEqualTo(schedule.coverage().stream().mapToLong(IntervalCoverage::shortfall).sum());
        assertThat(schedule.teamCosts().stream().map(TeamCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(schedule.workforceCost());
        assertThat(schedule.teamCosts().stream().mapToDouble(TeamCost::paidHours).sum()).isEqualTo(schedule.paidHours());
        assertThat(schedule.shifts().stream().mapToDouble(s -> s.agents() * s.paidHours()).sum())
                .isEqualTo(schedule.paidHours());
    }

    @Test
    void aSingleWorkerWithAFixedSeedGivesTheSameScheduleTwice() {
        SolverOptions deterministic = OPTIONS.withWorkers(1).withRandomSeed(7).withRelativeGapLimit(0.01)
                .withTimeLimit(Duration.ofSeconds(30));

        Schedule first = ScheduleSolver.solve(twoDayProblem(), deterministic);
        Schedule second = ScheduleSolver.solve(twoDayProblem(), deterministic);

        assertThat(second.shifts()).isEqualTo(first.shifts());
        assertThat(second.objective()).isEqualTo(first.objective());
    }

    @Test
    void theLpBoundCanBeSwitchedOff() {
        Team team = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(FOUR_HOURS));

        Schedule schedule = ScheduleSolver.solve(ScheduleProblem.of(TWO_AGENTS_MONDAY_DAYTIME, List.of(team)),
                OPTIONS.withLpBound(false));

        assertThat(schedule.lpBound()).isEmpty();
        assertThat(schedule.gapToLpBound()).isEmpty();
        assertThat(schedule.workforceCost()).isEqualByComparingTo("320");
    }

    /** Monday and Tuesday of the sample curve with the three sample templates and two teams. */
    private static ScheduleProblem twoDayProblem() {
        int[] required = SampleWeeks.tAndSWeek();
        Arrays.fill(required, 2 * Week.INTERVALS_PER_DAY, Week.INTERVALS, 0);
        for (int i = 0; i < required.length; i++) {
            required[i] = required[i] / 4;
        }
        Team inHouse = new Team("in-house", false, 2600, 30, 100, 400,
                List.of(SampleWeeks.FULL_DAY, SampleWeeks.SIX_HOURS, SampleWeeks.PART_TIME));
        Team vendor = new Team("vendor", true, 1900, 15, 0, 200, List.of(SampleWeeks.FULL_DAY, SampleWeeks.PART_TIME));
        return ScheduleProblem.of(required, List.of(inHouse, vendor)).withMaxVendorSharePercent(70);
    }
}
