package org.vigil.workforce.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Teams in other time zones than the plan's, and requirements per language. */
class ZonesAndLanguagesTest {

    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    private static final SolverOptions OPTIONS =
            SolverOptions.defaults().withTimeLimit(Duration.ofSeconds(20)).withRelativeGapLimit(0);

    @Test
    void aManilaMorningIsTheUtcNightBeforeAndStartsFromTheLocalDayAfterTheWeekAreKept() {
        ShiftTemplate midnight = ShiftTemplate.everyDay("8h", 16, List.of(0), List.of());

        List<CandidateShift> shifts = midnight.candidateShifts(PlanWeek.DEFAULT, MANILA);

        // Manila is UTC+8 all year: local midnight is 16:00 UTC the day before
        assertThat(shifts).extracting(CandidateShift::localDate, CandidateShift::absoluteStart)
                .containsExactly(tuple(LocalDate.of(2024, 1, 2), 32),
                        tuple(LocalDate.of(2024, 1, 3), 48 + 32),
                        tuple(LocalDate.of(2024, 1, 4), 2 * 48 + 32),
                        tuple(LocalDate.of(2024, 1, 5), 3 * 48 + 32),
                        tuple(LocalDate.of(2024, 1, 6), 4 * 48 + 32),
                        tuple(LocalDate.of(2024, 1, 7), 5 * 48 + 32),
                        tuple(LocalDate.of(2024, 1, 8), 6 * 48 + 32));
        assertThat(shifts.getFirst().day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(shifts.getFirst().localStart().toString()).isEqualTo("2024-01-02T00:00+08:00[Asia/Manila]");
    }

    @Test
    void aDaylightSavingChangeInTheTeamsZoneMovesItsShiftsAgainstAPlanInUtc() {
        // New York moved from UTC−5 to UTC−4 on Sunday 8 March 2026 at 02:00 local
        PlanWeek week = new PlanWeek(LocalDate.of(2026, 3, 2), ZoneOffset.UTC);
        ShiftTemplate nine = ShiftTemplate.everyDay("9-5", 16, List.of(18), List.of());

        List<CandidateShift> shifts = nine.candidateShifts(week, ZoneId.of("America/New_York"));

        assertThat(shifts).extracting(CandidateShift::absoluteStart)
                .containsExactly(28, 48 + 28, 2 * 48 + 28, 3 * 48 + 28, 4 * 48 + 28, 5 * 48 + 28, 6 * 48 + 26);
    }

    @Test
    void aPlanInAZoneWithADaylightSavingChangeCountsElapsedHalfHours() {
        // Berlin moved from UTC+1 to UTC+2 on Sunday 29 March 2026: that Sunday 10:00 is 6 days and 9 hours in
        PlanWeek week = new PlanWeek(LocalDate.of(2026, 3, 23), ZoneId.of("Europe/Berlin"));

        assertThat(week.intervalOf(LocalDate.of(2026, 3, 29), 20, week.zone())).hasValue(6 * 48 + 18);
        assertThat(week.startOf(6 * 48 + 18).toLocalTime()).hasToString("10:00");
    }

    @Test
    void aZoneOffTheHalfHourGridIsRefused() {
        ShiftTemplate template = ShiftTemplate.everyDay("8h", 16, List.of(16), List.of());

        assertThatThrownBy(() -> template.candidateShifts(PlanWeek.DEFAULT, ZoneId.of("Asia/Kathmandu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Asia/Kathmandu is not a whole number of half hours");
        assertThatThrownBy(() -> new PlanWeek(LocalDate.of(2026, 12, 1), ZoneOffset.UTC))
                .hasMessageContaining("must start on a Monday");
    }

    @Test
    void aTeamInManilaCoversTheUtcNightWithItsDayShift() {
        int[] required = new int[Week.INTERVALS];
        Arrays.fill(required, 0, 8, 3);
        ShiftTemplate day = new ShiftTemplate("day", 8, List.of(16), List.of(), EnumSet.of(DayOfWeek.MONDAY));
        Team manila = Team.withoutHourLimits("Manila BPO", true, 1500, 100, List.of(day)).inZone(MANILA);

        Schedule schedule = ScheduleSolver.solve(ScheduleProblem.of(required, List.of(manila)), OPTIONS);

        assertThat(schedule.totalShortfall()).isZero();
        assertThat(schedule.shifts()).extracting(AssignedShift::day, AssignedShift::startInterval,
                AssignedShift::agents, s -> s.localStart().toLocalDateTime().toString())
                .containsExactly(tuple(DayOfWeek.MONDAY, 0, 3, "2024-01-01T08:00"));
    }

    @Test
    void aLanguageRequirementBuysTheDearerSpeakersOnlyWhereTheyAreNeeded() {
        int[] total = SampleWeeks.flat(16, 32, 3);
        int[] spanish = new int[Week.INTERVALS];
        Arrays.fill(spanish, 16, 24, 1);
        ShiftTemplate four = new ShiftTemplate("4h", 8, List.of(16, 24), List.of(), EnumSet.of(DayOfWeek.MONDAY));
        Team english = Team.withoutHourLimits("english", false, 2000, 100, List.of(four)).speaking(Set.of("en"));
        Team bilingual = Team.withoutHourLimits("bilingual", false, 3000, 100, List.of(four))
                .speaking(Set.of("en", "es"));
        ScheduleProblem problem = ScheduleProblem.of(total, List.of(english, bilingual)).withLanguageRequirements(
                List.of(new LanguageRequirement("es", Arrays.stream(spanish).boxed().toList())));

        Schedule schedule = ScheduleSolver.solve(problem, OPTIONS);

        assertThat(schedule.totalShortfall()).isZero();
        assertThat(schedule.languageCoverage()).singleElement().satisfies(es -> {
            assertThat(es.language()).isEqualTo("es");
            assertThat(es.totalShortfall()).isZero();
            assertThat(es.coverage().get(20).covered()).isEqualTo(1);
        });
        assertThat(schedule.shifts()).extracting(AssignedShift::team, AssignedShift::startInterval, AssignedShift::agents)
                .containsExactlyInAnyOrder(tuple("english", 16, 2), tuple("bilingual", 16, 1), tuple("english", 24, 3));
        // 3 × 8 h at 20, of which 4 h at 30 instead
        assertThat(schedule.workforceCost()).isEqualByComparingTo("520");
    }

    @Test
    void aLanguageNoShiftReachesIsShortAtThePenaltyAndOneNoTeamSpeaksIsRefused() {
        int[] spanish = SampleWeeks.flat(16, 18, 1);
        ShiftTemplate four = new ShiftTemplate("4h", 8, List.of(16), List.of(), EnumSet.of(DayOfWeek.MONDAY));
        Team english = Team.withoutHourLimits("english", false, 2000, 100, List.of(four)).speaking(Set.of("en"));
        Team spanishAtNight = Team.withoutHourLimits("night", false, 2000, 100,
                List.of(new ShiftTemplate("night", 8, List.of(40), List.of(), EnumSet.of(DayOfWeek.MONDAY))))
                .speaking(Set.of("es"));
        ScheduleProblem problem = ScheduleProblem.of(new int[Week.INTERVALS], List.of(english, spanishAtNight))
                .withLanguageRequirements(List.of(new LanguageRequirement("es", Arrays.stream(spanish).boxed().toList())));

        Schedule schedule = ScheduleSolver.solve(problem, OPTIONS);

        assertThat(schedule.shifts()).isEmpty();
        assertThat(schedule.languageCoverage().getFirst().totalShortfall()).isEqualTo(2);
        assertThat(schedule.shortfallPenalty()).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(2 * problem.shortfallPenaltyCents(), 2));
        assertThatThrownBy(() -> ScheduleProblem.of(new int[Week.INTERVALS], List.of(english)).withLanguageRequirements(
                List.of(new LanguageRequirement("es", Arrays.stream(spanish).boxed().toList()))))
                .hasMessageContaining("no team speaks 'es'");
    }
}
