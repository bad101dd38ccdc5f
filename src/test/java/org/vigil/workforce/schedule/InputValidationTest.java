package org.vigil.workforce.schedule;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidationTest {

    private static final ShiftTemplate FOUR_HOURS =
            ShiftTemplate.everyDay("4h", 8, ShiftTemplate.startsEvery(2), List.of());
    private static final Team TEAM = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(FOUR_HOURS));

    @Test
    void aNegativeRequirementIsRejectedWithItsInterval() {
        int[] required = new int[Week.INTERVALS];
        required[17] = -1;

        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleProblem.of(required, List.of(TEAM)))
                .withMessage("requirement at interval 17 must be a non-negative number, got -1");
    }

    @Test
    void aRequirementOfTheWrongLengthIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleProblem.of(new int[48], List.of(TEAM)))
                .withMessage("requirement must have 336 half-hour intervals, got 48");
    }

    @Test
    void aTemplateLongerThanTheWeekIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ShiftTemplate.everyDay("forever", 337, List.of(0), List.of()))
                .withMessage("shift template 'forever' length 337 must be between 1 and 336 intervals (one week)");
    }

    @Test
    void aTemplateThatCannotEndWithinTheWeekIsRejectedByTheProblem() {
        ShiftTemplate late = new ShiftTemplate("late", 100, List.of(0), List.of(), EnumSet.of(DayOfWeek.SUNDAY));
        Team team = Team.withoutHourLimits("in-house", false, 2000, 10, List.of(late));

        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleProblem.of(new int[Week.INTERVALS], List.of(team)))
                .withMessage("shift template 'late' of team 'in-house' has no start that lies within the week");
    }

    @Test
    void aTemplateWithoutStartsOrDaysIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ShiftTemplate.everyDay("none", 8, List.of(), List.of()))
                .withMessage("shift template 'none' has no allowed start interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ShiftTemplate("none", 8, List.of(0), List.of(), EnumSet.noneOf(DayOfWeek.class)))
                .withMessage("shift template 'none' has no allowed day");
    }

    @Test
    void aStartOutsideTheDayOrABreakOutsideTheShiftIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ShiftTemplate.everyDay("x", 8, List.of(48), List.of()))
                .withMessage("shift template 'x' start interval 48 must be within a day (0..47)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ShiftTemplate.everyDay("x", 8, List.of(0), List.of(8)))
                .withMessage("shift template 'x' break offset 8 must be within the shift (0..7)");
    }

    @Test
    void aTeamWithoutTemplatesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Team.withoutHourLimits("empty", true, 2000, 10, List.of()))
                .withMessage("team 'empty' has no shift template");
    }

    @Test
    void aTeamWithAnInvertedHourBandIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Team("t", false, 2000, 10, 50, 40, List.of(FOUR_HOURS)))
                .withMessage("team 't' paid hours per week must satisfy 0 <= min <= max, got [50, 40]");
    }

    @Test
    void aProblemWithoutTeamsOrWithDuplicateTeamNamesIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleProblem.of(new int[Week.INTERVALS], List.of()))
                .withMessage("problem has no team");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScheduleProblem.of(new int[Week.INTERVALS], List.of(TEAM, TEAM)))
                .withMessage("team name 'in-house' is used twice");
    }

    @Test
    void twoDifferentTemplatesUnderOneNameAreRejected() {
        ShiftTemplate other = ShiftTemplate.everyDay("4h", 8, ShiftTemplate.startsEvery(1), List.of());
        Team vendor = Team.withoutHourLimits("vendor", true, 1500, 10, List.of(other));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScheduleProblem.of(new int[Week.INTERVALS], List.of(TEAM, vendor)))
                .withMessage("shift template name '4h' names two different templates");
    }

    @Test
    void aVendorShareOutsideZeroToHundredIsRejected() {
        ScheduleProblem problem = ScheduleProblem.of(new int[Week.INTERVALS], List.of(TEAM));

        assertThatIllegalArgumentException().isThrownBy(() -> problem.withMaxVendorSharePercent(101))
                .withMessage("max vendor share must be within 0..100 percent, got 101");
    }

    @Test
    void solverOptionsBeyondTwoWorkersOrWithoutTimeAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SolverOptions.defaults().withWorkers(3))
                .withMessage("workers must be 1 or 2, got 3");
        assertThatIllegalArgumentException().isThrownBy(() -> SolverOptions.defaults().withTimeLimit(Duration.ZERO))
                .withMessage("time limit must be positive, got PT0S");
    }
}
