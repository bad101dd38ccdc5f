package org.vigil.workforce.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftTemplateTest {

    @Test
    void aShiftCoversItsIntervalsExceptItsBreaks() {
        ShiftTemplate template = new ShiftTemplate("4h+break", 8, List.of(16), List.of(4), EnumSet.of(DayOfWeek.TUESDAY));

        CandidateShift shift = template.candidateShifts().getFirst();

        assertThat(shift.absoluteStart()).isEqualTo(48 + 16);
        assertThat(shift.coveredIntervals()).containsExactly(64, 65, 66, 67, 69, 70, 71);
        assertThat(template.paidIntervals()).isEqualTo(7);
    }

    @Test
    void shiftsThatWouldRunPastSundayMidnightAreNotGenerated() {
        ShiftTemplate template = new ShiftTemplate("8h", 16, List.of(32, 40), List.of(),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

        assertThat(template.candidateShifts())
                .extracting(CandidateShift::day, CandidateShift::startInterval)
                .containsExactly(tuple(DayOfWeek.SATURDAY, 32),
                        tuple(DayOfWeek.SATURDAY, 40),
                        tuple(DayOfWeek.SUNDAY, 32));
    }

    @Test
    void startsEveryHourAreTheEvenIntervalsOfTheDay() {
        assertThat(ShiftTemplate.startsEvery(2)).hasSize(24).startsWith(0, 2, 4).endsWith(46);
    }

    @Test
    void startsAndBreaksAreSortedAndDeduplicated() {
        ShiftTemplate template = ShiftTemplate.everyDay("t", 10, List.of(4, 2, 4), List.of(5, 3, 5));

        assertThat(template.startIntervals()).containsExactly(2, 4);
        assertThat(template.breakOffsets()).containsExactly(3, 5);
        assertThat(template.candidateShifts()).hasSize(14);
    }
}
