package org.vigil.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Business hours are Monday to Friday 09:00–17:00 in New York unless a test says otherwise. The week of
 * Monday 2026-05-11 to Friday 2026-05-15 and the following Monday 2026-05-18 have no US holiday.
 */
class BusinessCalendarTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final WeeklyHours OFFICE_HOURS =
            WeeklyHours.on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), WorkingSpan.of("09:00", "17:00"));
    static final BusinessCalendar OFFICE = BusinessCalendar.of(NEW_YORK, OFFICE_HOURS);

    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Nested
    class AddingBusinessTime {

        @Test
        void createdFridayAfternoonWithOneHourTargetIsDueMondayMorning() {
            Instant friday = newYork("2026-05-15T16:30");
            assertThat(friday.atZone(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);

            Instant due = OFFICE.addBusinessTime(friday, Duration.ofHours(1));

            assertThat(due).isEqualTo(newYork("2026-05-18T09:30"));
            assertThat(due.atZone(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        }

        @Test
        void wednesdayAtTenWithTwoHourTargetIsDueWednesdayAtNoon() {
            assertThat(OFFICE.addBusinessTime(newYork("2026-05-13T10:00"), Duration.ofHours(2)))
                    .isEqualTo(newYork("2026-05-13T12:00"));
        }

        @Test
        void createdWednesdayAtSevenBeforeOpeningWithTwoHourTargetIsDueWednesdayAtEleven() {
            assertThat(OFFICE.addBusinessTime(newYork("2026-05-13T07:00"), Duration.ofHours(2)))
                    .isEqualTo(newYork("2026-05-13T11:00"));
        }

        @Test
        void aHolidayOnMondayPushesFridayAfternoonPlusOneHourToTuesdayMorning() {
            BusinessCalendar withHoliday = OFFICE.withHolidays(LocalDate.parse("2026-05-18"));

            assertThat(withHoliday.addBusinessTime(newYork("2026-05-15T16:30"), Duration.ofHours(1)))
                    .isEqualTo(newYork("2026-05-19T09:30"));
        }

        @Test
        void theLunchBreakOfASplitDayDoesNotCount() {
            BusinessCalendar splitDay = BusinessCalendar.of(NEW_YORK, WeeklyHours.on(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    WorkingSpan.of("09:00", "12:00"), WorkingSpan.of("13:00", "17:00")));

            assertThat(splitDay.addBusinessTime(newYork("2026-05-13T11:30"), Duration.ofHours(1)))
                    .isEqualTo(newYork("2026-05-13T13:30"));
        }

        @Test
        void anAmountUsedUpExactlyAtClosingIsDueAtClosingNotAtTheNextOpening() {
            assertThat(OFFICE.addBusinessTime(newYork("2026-05-15T16:30"), Duration.ofMinutes(30)))
                    .isEqualTo(newYork("2026-05-15T17:00"));
        }

        @Test
        void addingNothingReturnsTheStartEvenOutsideBusinessHours() {
            Instant saturday = newYork("2026-05-16T10:00");

            assertThat(OFFICE.addBusinessTime(saturday, Duration.ZERO)).isEqualTo(saturday);
        }

        @Test
        void addingANegativeAmountIsRefused() {
            assertThatThrownBy(() -> OFFICE.addBusinessTime(newYork("2026-05-13T10:00"), Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }

        @Test
        void aNightShiftEndingAtMidnightContinuesIntoTheNextDaysShift() {
            BusinessCalendar nights = BusinessCalendar.of(NEW_YORK, WeeklyHours.none()
                    .with(DayOfWeek.WEDNESDAY, WorkingSpan.of("18:00", "24:00"))
                    .with(DayOfWeek.THURSDAY, WorkingSpan.of("00:00", "02:00")));

            assertThat(nights.addBusinessTime(newYork("2026-05-13T23:30"), Duration.ofHours(1)))
                    .isEqualTo(newYork("2026-05-14T00:30"));
            assertThat(nights.businessTimeBetween(newYork("2026-05-13T12:00"), newYork("2026-05-14T12:00")))
                    .isEqualTo(Duration.ofHours(8));
        }

        @Test
        void tenYearsOfBusinessTimeEndAtTheLastFridaysClosing() {
            Instant monday = newYork("2026-05-11T09:00");
            Duration tenYearsOfWeeks = Duration.ofHours(40).multipliedBy(520);

            Instant due = OFFICE.addBusinessTime(monday, tenYearsOfWeeks);

            assertThat(due).isEqualTo(newYork("2026-05-15T17:00").atZone(NEW_YORK).plusWeeks(519).toInstant());
            assertThat(OFFICE.businessTimeBetween(monday, due)).isEqualTo(tenYearsOfWeeks);
        }

        @Test
        void whenEveryWorkingDayForFiveYearsIsAHolidayAddingTimeFailsWithAClearMessage() {
            List<LocalDate> holidays = new ArrayList<>();
            for (LocalDate date = LocalDate.parse("2026-05-11"); date.isBefore(LocalDate.parse("2032-01-01"));
                    date = date.plusDays(1)) {
                holidays.add(date);
            }
            BusinessCalendar closedForYears = OFFICE.withHolidays(holidays);
            Instant start = newYork("2026-05-13T10:00");

            assertThatThrownBy(() -> closedForYears.addBusinessTime(start, Duration.ofHours(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No business time")
                    .hasMessageContaining("5 years");
            assertThat(closedForYears.nextOpening(start)).isEmpty();
        }
    }

    @Nested
    class MeasuringBusinessTime {

        @Test
        void fromFridayAfternoonToMondayMorningOnlyOpenHoursCount() {
            assertThat(OFFICE.businessTimeBetween(newYork("2026-05-15T16:00"), newYork("2026-05-18T10:00")))
                    .isEqualTo(Duration.ofHours(2));
        }

        @Test
        void aHolidayCountsNothing() {
            BusinessCalendar withHoliday = OFFICE.withHolidays(LocalDate.parse("2026-05-13"));

            assertThat(withHoliday.businessTimeBetween(newYork("2026-05-12T00:00"), newYork("2026-05-15T00:00")))
                    .isEqualTo(Duration.ofHours(16));
        }

        @Test
        void nothingIsCountedWhenTheEndIsNotAfterTheStart() {
            Instant wednesday = newYork("2026-05-13T10:00");

            assertThat(OFFICE.businessTimeBetween(wednesday, wednesday)).isZero();
            assertThat(OFFICE.businessTimeBetween(wednesday, wednesday.minusSeconds(3600))).isZero();
        }

        @Test
        void calendarHoursCountEveryRealHourAcrossTheWeekend() {
            BusinessCalendar always = BusinessCalendar.always(NEW_YORK);

            assertThat(always.businessTimeBetween(newYork("2026-05-15T16:00"), newYork("2026-05-18T10:00")))
                    .isEqualTo(Duration.ofHours(66));
        }
    }

    @Nested
    class OpeningAndClosing {

        @Test
        void theCalendarIsOpenAtOpeningAndClosedAtClosing() {
            assertThat(OFFICE.isOpen(newYork("2026-05-13T08:59:59"))).isFalse();
            assertThat(OFFICE.isOpen(newYork("2026-05-13T09:00"))).isTrue();
            assertThat(OFFICE.isOpen(newYork("2026-05-13T16:59:59"))).isTrue();
            assertThat(OFFICE.isOpen(newYork("2026-05-13T17:00"))).isFalse();
            assertThat(OFFICE.isOpen(newYork("2026-05-16T10:00"))).isFalse();
        }

        @Test
        void theNextOpeningOfAnOpenInstantIsThatInstant() {
            Instant wednesday = newYork("2026-05-13T10:00");

            assertThat(OFFICE.nextOpening(wednesday)).contains(wednesday);
        }

        @Test
        void theNextOpeningAfterSaturdayIsMondayMorning() {
            assertThat(OFFICE.nextOpening(newYork("2026-05-16T10:00"))).contains(newYork("2026-05-18T09:00"));
        }

        @Test
        void theNextOpeningDuringLunchIsTheAfternoonSpan() {
            BusinessCalendar splitDay = BusinessCalendar.of(NEW_YORK, WeeklyHours.none()
                    .with(DayOfWeek.WEDNESDAY, WorkingSpan.of("09:00", "12:00"), WorkingSpan.of("13:00", "17:00")));

            assertThat(splitDay.nextOpening(newYork("2026-05-13T12:00"))).contains(newYork("2026-05-13T13:00"));
        }
    }

    @Nested
    class Configuration {

        @Test
        void overlappingSpansOnOneDayAreRefused() {
            assertThatThrownBy(() -> WeeklyHours.none()
                    .with(DayOfWeek.MONDAY, WorkingSpan.of("09:00", "12:30"), WorkingSpan.of("12:00", "17:00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MONDAY");
        }

        @Test
        void aSpanRunningToMidnightOverlapsALaterSpan() {
            assertThatThrownBy(() -> WeeklyHours.none()
                    .with(DayOfWeek.MONDAY, WorkingSpan.of("20:00", "24:00"), WorkingSpan.of("22:00", "23:00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void spansThatTouchAreAcceptedAndCountAsOne() {
            BusinessCalendar touching = BusinessCalendar.of(NEW_YORK, WeeklyHours.none()
                    .with(DayOfWeek.WEDNESDAY, WorkingSpan.of("13:00", "17:00"), WorkingSpan.of("09:00", "13:00")));

            assertThat(touching.weeklyHours().spansOn(DayOfWeek.WEDNESDAY))
                    .containsExactly(WorkingSpan.of("09:00", "13:00"), WorkingSpan.of("13:00", "17:00"));
            assertThat(touching.isOpen(newYork("2026-05-13T13:00"))).isTrue();
            assertThat(touching.addBusinessTime(newYork("2026-05-13T12:30"), Duration.ofHours(1)))
                    .isEqualTo(newYork("2026-05-13T13:30"));
        }

        @Test
        void aSpanMustOpenBeforeItCloses() {
            assertThatThrownBy(() -> WorkingSpan.of("17:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WorkingSpan.of("09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aWeekWithoutAnyBusinessTimeIsRefused() {
            assertThatThrownBy(() -> BusinessCalendar.of(NEW_YORK, WeeklyHours.none()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least one day");
        }

        @Test
        void daysWithoutSpansAreListedEmpty() {
            assertThat(OFFICE_HOURS.spansOn(DayOfWeek.SUNDAY)).isEmpty();
            assertThat(OFFICE_HOURS.nominalWeeklyTotal()).isEqualTo(Duration.ofHours(40));
            assertThat(WeeklyHours.always().nominalWeeklyTotal()).isEqualTo(Duration.ofDays(7));
        }
    }

    /** Europe/Berlin skips 02:00–03:00 on 2026-03-29 and repeats 02:00–03:00 on 2026-10-25. */
    @Nested
    class DaylightSaving {

        final BusinessCalendar berlinAlways = BusinessCalendar.always(BERLIN);
        final BusinessCalendar earlyHours = BusinessCalendar.of(BERLIN,
                WeeklyHours.on(EnumSet.allOf(DayOfWeek.class), WorkingSpan.of("01:00", "05:00")));

        @Test
        void threeCalendarHoursFromHalfPastMidnightOnSpringForwardDayEndAtHalfPastFour() {
            Instant due = berlinAlways.addBusinessTime(berlin("2026-03-29T00:30"), Duration.ofHours(3));

            assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T04:30"));
        }

        @Test
        void threeCalendarHoursFromHalfPastMidnightOnFallBackDayEndAtTheSecondHalfPastTwo() {
            Instant due = berlinAlways.addBusinessTime(berlin("2026-10-25T00:30"), Duration.ofHours(3));

            ZonedDateTime local = due.atZone(BERLIN);
            assertThat(local.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-25T02:30"));
            assertThat(local.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        }

        @Test
        void aSpanFromOneToFiveHoldsThreeRealHoursOnSpringForwardDay() {
            assertThat(businessTimeOn(earlyHours, "2026-03-29")).isEqualTo(Duration.ofHours(3));
        }

        @Test
        void aSpanFromOneToFiveHoldsFiveRealHoursOnFallBackDay() {
            assertThat(businessTimeOn(earlyHours, "2026-10-25")).isEqualTo(Duration.ofHours(5));
        }

        @Test
        void aSpanFromOneToFiveHoldsFourRealHoursOnAnOrdinaryDay() {
            assertThat(businessTimeOn(earlyHours, "2026-05-13")).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void aSpanFromOneToFourHoldsTwoRealHoursWhenTwoToThreeIsSkipped() {
            BusinessCalendar oneToFour = BusinessCalendar.of(BERLIN,
                    WeeklyHours.on(EnumSet.allOf(DayOfWeek.class), WorkingSpan.of("01:00", "04:00")));

            assertThat(businessTimeOn(oneToFour, "2026-03-29")).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void aSpanOpeningInsideTheSkippedHourOpensOneHourLaterOnTheWallClock() {
            BusinessCalendar fromHalfPastTwo = BusinessCalendar.of(BERLIN,
                    WeeklyHours.on(EnumSet.allOf(DayOfWeek.class), WorkingSpan.of("02:30", "04:00")));

            assertThat(fromHalfPastTwo.nextOpening(berlin("2026-03-29T01:00")))
                    .contains(berlin("2026-03-29T03:30"));
            assertThat(businessTimeOn(fromHalfPastTwo, "2026-03-29")).isEqualTo(Duration.ofMinutes(30));
        }

        private Duration businessTimeOn(BusinessCalendar calendar, String date) {
            LocalDate day = LocalDate.parse(date);
            return calendar.businessTimeBetween(
                    day.atStartOfDay(BERLIN).toInstant(), day.plusDays(1).atStartOfDay(BERLIN).toInstant());
        }
    }
}
