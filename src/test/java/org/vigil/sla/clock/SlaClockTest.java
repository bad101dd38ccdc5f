package org.vigil.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.sla.clock.BusinessCalendarTest.NEW_YORK;
import static org.vigil.sla.clock.BusinessCalendarTest.OFFICE;
import static org.vigil.sla.clock.BusinessCalendarTest.newYork;
import static org.vigil.sla.clock.ClockEvent.pause;
import static org.vigil.sla.clock.ClockEvent.resume;
import static org.vigil.sla.clock.ClockEvent.start;
import static org.vigil.sla.clock.ClockEvent.stop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.vigil.sla.clock.SlaClock.State;
import org.vigil.sla.clock.SlaClock.Status;

/**
 * Dates are in New York: Wednesday 2026-05-13, Friday 2026-05-15 and Monday 2026-05-18, a stretch
 * without US holidays.
 */
class SlaClockTest {

    static final BusinessCalendar CALENDAR_HOURS = BusinessCalendar.always(NEW_YORK);
    static final Duration TWO_HOURS = Duration.ofHours(2);

    static Instant wednesday(String time) {
        return newYork("2026-05-13T" + time);
    }

    /**
     * Calendar hours: created 08:00 with a 2 h target (due 10:00), pending at 09:00, the requester
     * replies at 10:05 and the case reopens.
     */
    @Nested
    class PendingCaseInCalendarHours {

        final List<ClockEvent> pendingThenReopened =
                List.of(start(wednesday("08:00")), pause(wednesday("09:00")), resume(wednesday("10:05")));

        @Test
        void createdAtEightWithTwoHourTargetIsDueAtTen() {
            Status status = SlaClock.evaluate(
                    List.of(start(wednesday("08:00"))), TWO_HOURS, CALENDAR_HOURS, wednesday("08:30"));

            assertThat(status.state()).isEqualTo(State.ACTIVE);
            assertThat(status.dueAt()).contains(wednesday("10:00"));
            assertThat(status.elapsed()).isEqualTo(Duration.ofMinutes(30));
            assertThat(status.remaining()).isEqualTo(Duration.ofMinutes(90));
            assertThat(status.breached()).isFalse();
        }

        @Test
        void whilePendingTheClockIsPausedWithoutADueTime() {
            Status status = SlaClock.evaluate(pendingThenReopened, TWO_HOURS, CALENDAR_HOURS, wednesday("09:30"));

            assertThat(status.state()).isEqualTo(State.PAUSED);
            assertThat(status.dueAt()).isEmpty();
            assertThat(status.elapsed()).isEqualTo(Duration.ofHours(1));
            assertThat(status.remaining()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void reopenedAtFivePastTenIsDueAtFivePastEleven() {
            Status status = SlaClock.evaluate(pendingThenReopened, TWO_HOURS, CALENDAR_HOURS, wednesday("10:05"));

            assertThat(status.state()).isEqualTo(State.ACTIVE);
            assertThat(status.dueAt()).contains(wednesday("11:05"));
            assertThat(status.breached()).isFalse();
        }

        @Test
        void leftRunningItBreachesAtFivePastEleven() {
            Status status = SlaClock.evaluate(pendingThenReopened, TWO_HOURS, CALENDAR_HOURS, wednesday("12:00"));

            assertThat(status.state()).isEqualTo(State.ACTIVE);
            assertThat(status.breached()).isTrue();
            assertThat(status.breachedAt()).contains(wednesday("11:05"));
            assertThat(status.dueAt()).contains(wednesday("11:05"));
            assertThat(status.elapsed()).isEqualTo(Duration.ofMinutes(175));
            assertThat(status.remaining()).isEqualTo(Duration.ofMinutes(-55));
        }

        @Test
        void answeredAtElevenItIsAchievedInTime() {
            List<ClockEvent> answered = new ArrayList<>(pendingThenReopened);
            answered.add(stop(wednesday("11:00")));

            Status status = SlaClock.evaluate(answered, TWO_HOURS, CALENDAR_HOURS, wednesday("12:00"));

            assertThat(status.state()).isEqualTo(State.ACHIEVED);
            assertThat(status.breached()).isFalse();
            assertThat(status.breachedAt()).isEmpty();
            assertThat(status.dueAt()).contains(wednesday("11:05"));
            assertThat(status.elapsed()).isEqualTo(Duration.ofMinutes(115));
            assertThat(status.remaining()).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void aSecondPauseWhilePendingChangesNothing() {
            List<ClockEvent> withDuplicate = List.of(start(wednesday("08:00")), pause(wednesday("09:00")),
                    pause(wednesday("09:30")), resume(wednesday("10:05")));

            assertThat(SlaClock.evaluate(withDuplicate, TWO_HOURS, CALENDAR_HOURS, wednesday("10:30")))
                    .isEqualTo(SlaClock.evaluate(pendingThenReopened, TWO_HOURS, CALENDAR_HOURS, wednesday("10:30")));
        }

        @Test
        void aResumeWhileRunningChangesNothing() {
            List<ClockEvent> withDuplicate = List.of(start(wednesday("08:00")), resume(wednesday("08:30")),
                    pause(wednesday("09:00")), resume(wednesday("10:05")), resume(wednesday("10:10")));

            assertThat(SlaClock.evaluate(withDuplicate, TWO_HOURS, CALENDAR_HOURS, wednesday("10:30")))
                    .isEqualTo(SlaClock.evaluate(pendingThenReopened, TWO_HOURS, CALENDAR_HOURS, wednesday("10:30")));
        }
    }

    @Nested
    class BusinessHours {

        final Duration oneHour = Duration.ofHours(1);
        final List<ClockEvent> createdFridayAfternoon = List.of(start(newYork("2026-05-15T16:30")));

        @Test
        void createdFridayAfternoonWithOneHourTargetIsDueMondayMorning() {
            Status status = SlaClock.evaluate(createdFridayAfternoon, oneHour, OFFICE, newYork("2026-05-16T12:00"));

            assertThat(status.state()).isEqualTo(State.ACTIVE);
            assertThat(status.dueAt()).contains(newYork("2026-05-18T09:30"));
            assertThat(status.elapsed()).isEqualTo(Duration.ofMinutes(30));
            assertThat(status.breached()).isFalse();
        }

        @Test
        void stillUnansweredMondayAtTenItBreachedAtHalfPastNine() {
            Status status = SlaClock.evaluate(createdFridayAfternoon, oneHour, OFFICE, newYork("2026-05-18T10:00"));

            assertThat(status.breachedAt()).contains(newYork("2026-05-18T09:30"));
            assertThat(status.remaining()).isEqualTo(Duration.ofMinutes(-30));
        }

        @Test
        void dueAtClosingAndStillRunningOverTheWeekendIsBreachedAtClosing() {
            List<ClockEvent> createdFridayAtFour = List.of(start(newYork("2026-05-15T16:00")));

            Status status = SlaClock.evaluate(createdFridayAtFour, oneHour, OFFICE, newYork("2026-05-16T12:00"));

            assertThat(status.breachedAt()).contains(newYork("2026-05-15T17:00"));
            assertThat(status.remaining()).isZero();
        }

        @Test
        void aBreachAtFridayClosingKeepsItsInstantWhenPausedOverTheWeekendAndResumedMonday() {
            List<ClockEvent> events = List.of(start(newYork("2026-05-15T16:00")),
                    pause(newYork("2026-05-15T18:00")), resume(newYork("2026-05-18T09:00")));

            Status status = SlaClock.evaluate(events, oneHour, OFFICE, newYork("2026-05-18T10:00"));

            assertThat(status.breachedAt()).contains(newYork("2026-05-15T17:00"));
            assertThat(status.elapsed()).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void theCalendarInForceAtEvaluationMeasuresTheWholeSpan() {
            Instant now = newYork("2026-05-18T09:15");

            Status measuredInCalendarHours = SlaClock.evaluate(createdFridayAfternoon, oneHour, CALENDAR_HOURS, now);
            Status measuredInBusinessHours = SlaClock.evaluate(createdFridayAfternoon, oneHour, OFFICE, now);

            assertThat(measuredInCalendarHours.breachedAt()).contains(newYork("2026-05-15T17:30"));
            assertThat(measuredInBusinessHours.breached()).isFalse();
            assertThat(measuredInBusinessHours.elapsed()).isEqualTo(Duration.ofMinutes(45));
        }
    }

    @Nested
    class Breaches {

        final ClockEvent startAtEight = start(wednesday("08:00"));

        @Test
        void answeredAfterTheDueTimeIsAchievedAndBreached() {
            Status status = SlaClock.evaluate(List.of(startAtEight, stop(wednesday("10:30"))),
                    TWO_HOURS, CALENDAR_HOURS, wednesday("11:00"));

            assertThat(status.state()).isEqualTo(State.ACHIEVED);
            assertThat(status.breached()).isTrue();
            assertThat(status.breachedAt()).contains(wednesday("10:00"));
            assertThat(status.dueAt()).contains(wednesday("10:00"));
            assertThat(status.remaining()).isEqualTo(Duration.ofMinutes(-30));
        }

        @Test
        void pausedAfterTheDueTimeIsPausedAndBreached() {
            Status status = SlaClock.evaluate(List.of(startAtEight, pause(wednesday("10:30"))),
                    TWO_HOURS, CALENDAR_HOURS, wednesday("11:00"));

            assertThat(status.state()).isEqualTo(State.PAUSED);
            assertThat(status.breached()).isTrue();
            assertThat(status.breachedAt()).contains(wednesday("10:00"));
            assertThat(status.dueAt()).isEmpty();
        }

        @Test
        void answeredExactlyAtTheDueTimeIsInTime() {
            Status status = SlaClock.evaluate(List.of(startAtEight, stop(wednesday("10:00"))),
                    TWO_HOURS, CALENDAR_HOURS, wednesday("11:00"));

            assertThat(status.state()).isEqualTo(State.ACHIEVED);
            assertThat(status.breached()).isFalse();
            assertThat(status.remaining()).isZero();
        }

        @Test
        void stillRunningAtTheDueTimeIsBreachedAtThatInstant() {
            Status status = SlaClock.evaluate(List.of(startAtEight), TWO_HOURS, CALENDAR_HOURS, wednesday("10:00"));

            assertThat(status.breachedAt()).contains(wednesday("10:00"));
        }

        @Test
        void pausedExactlyAtTheDueTimeBreachesTheMomentItResumes() {
            List<ClockEvent> events = List.of(startAtEight, pause(wednesday("10:00")), resume(wednesday("11:00")));

            Status beforeResume = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("10:30"));
            Status afterResume = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("11:00"));

            assertThat(beforeResume.breached()).isFalse();
            assertThat(beforeResume.remaining()).isZero();
            assertThat(afterResume.breachedAt()).contains(wednesday("11:00"));
        }

        @Test
        void aBreachBeforeAPauseKeepsItsInstantAfterResuming() {
            List<ClockEvent> events = List.of(startAtEight, pause(wednesday("10:30")), resume(wednesday("12:00")));

            Status status = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("12:30"));

            assertThat(status.state()).isEqualTo(State.ACTIVE);
            assertThat(status.breachedAt()).contains(wednesday("10:00"));
            assertThat(status.dueAt()).contains(wednesday("10:00"));
            assertThat(status.elapsed()).isEqualTo(Duration.ofHours(3));
        }
    }

    @Nested
    class EventHandling {

        @Test
        void withoutAStartTheClockHasNotStarted() {
            Status status = SlaClock.evaluate(List.of(pause(wednesday("08:00")), stop(wednesday("09:00"))),
                    TWO_HOURS, CALENDAR_HOURS, wednesday("12:00"));

            assertThat(status).isEqualTo(new Status(State.NOT_STARTED, false, Duration.ZERO, TWO_HOURS,
                    Optional.empty(), Optional.empty()));
        }

        @Test
        void eventsBeforeTheStartAreIgnored() {
            List<ClockEvent> events = List.of(
                    stop(wednesday("07:00")), pause(wednesday("07:30")), start(wednesday("08:00")));

            Status status = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("09:00"));

            assertThat(status.state()).isEqualTo(State.ACTIVE);
            assertThat(status.elapsed()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void eventsAfterTheStopAreIgnored() {
            List<ClockEvent> events = List.of(start(wednesday("08:00")), stop(wednesday("09:00")),
                    resume(wednesday("09:30")), start(wednesday("09:45")));

            Status status = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("12:00"));

            assertThat(status.state()).isEqualTo(State.ACHIEVED);
            assertThat(status.elapsed()).isEqualTo(Duration.ofHours(1));
            assertThat(status.breached()).isFalse();
        }

        @Test
        void eventsAtTheSameInstantApplyInListOrder() {
            Instant nine = wednesday("09:00");
            List<ClockEvent> pauseThenResume = List.of(start(wednesday("08:00")), pause(nine), resume(nine));
            List<ClockEvent> resumeThenPause = List.of(start(wednesday("08:00")), resume(nine), pause(nine));

            assertThat(SlaClock.evaluate(pauseThenResume, TWO_HOURS, CALENDAR_HOURS, wednesday("09:30")).state())
                    .isEqualTo(State.ACTIVE);
            assertThat(SlaClock.evaluate(resumeThenPause, TWO_HOURS, CALENDAR_HOURS, wednesday("09:30")).state())
                    .isEqualTo(State.PAUSED);
        }

        @Test
        void eventsAfterNowHaveNotHappenedYet() {
            List<ClockEvent> events = List.of(start(wednesday("08:00")), stop(wednesday("09:00")));

            Status status = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("08:30"));

            assertThat(status.state()).isEqualTo(State.ACTIVE);
            assertThat(status.elapsed()).isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void severalPendingSpellsAreAllLeftOut() {
            List<ClockEvent> events = List.of(start(wednesday("08:00")),
                    pause(wednesday("08:30")), resume(wednesday("09:00")),
                    pause(wednesday("09:30")), resume(wednesday("10:00")),
                    pause(wednesday("10:15")), resume(wednesday("11:00")));

            Status status = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("11:00"));

            assertThat(status.elapsed()).isEqualTo(Duration.ofMinutes(75));
            assertThat(status.dueAt()).contains(wednesday("11:45"));
        }

        @Test
        void solvedWhilePendingIsAchieved() {
            List<ClockEvent> events = List.of(start(wednesday("08:00")), pause(wednesday("09:00")),
                    stop(wednesday("11:00")));

            Status status = SlaClock.evaluate(events, TWO_HOURS, CALENDAR_HOURS, wednesday("12:00"));

            assertThat(status.state()).isEqualTo(State.ACHIEVED);
            assertThat(status.breached()).isFalse();
            assertThat(status.elapsed()).isEqualTo(Duration.ofHours(1));
            assertThat(status.dueAt()).isEmpty();
        }

        @Test
        void aTargetMustBePositive() {
            assertThatThrownBy(() -> SlaClock.evaluate(List.of(), Duration.ZERO, CALENDAR_HOURS, wednesday("08:00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
