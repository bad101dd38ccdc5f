package org.vigil.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BusinessCalendarProperties {

    @Property(tries = 300)
    void measuringWhatWasAddedGivesBackTheAmount(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("amounts") Duration amount) {
        Instant due = calendar.addBusinessTime(start, amount);

        assertThat(calendar.businessTimeBetween(start, due)).isEqualTo(amount);
    }

    @Property(tries = 300)
    void measuringFromAnOpenInstantWhatWasAddedGivesBackTheAmount(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant anyInstant,
            @ForAll("amounts") Duration amount) {
        Instant open = calendar.nextOpening(anyInstant).orElseThrow();
        assertThat(calendar.isOpen(open)).isTrue();

        Instant due = calendar.addBusinessTime(open, amount);

        assertThat(calendar.businessTimeBetween(open, due)).isEqualTo(amount);
    }

    @Property(tries = 300)
    void addingTheBusinessTimeMeasuredUpToAnInstantNeverPassesThatInstant(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant x,
            @ForAll("instants") Instant y) {
        Instant from = x.isBefore(y) ? x : y;
        Instant to = x.isBefore(y) ? y : x;
        Duration measured = calendar.businessTimeBetween(from, to);

        Instant due = calendar.addBusinessTime(from, measured);

        assertThat(due).isBeforeOrEqualTo(to);
        assertThat(calendar.businessTimeBetween(due, to)).isZero();
    }

    @Property(tries = 300)
    void businessTimeOverTwoAdjacentStretchesAddsUp(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant x,
            @ForAll("instants") Instant y,
            @ForAll("instants") Instant z) {
        List<Instant> sorted = Stream.of(x, y, z).sorted().toList();
        Instant a = sorted.get(0);
        Instant b = sorted.get(1);
        Instant c = sorted.get(2);

        assertThat(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)))
                .isEqualTo(calendar.businessTimeBetween(a, c));
    }

    @Property(tries = 300)
    void businessTimeNeverExceedsRealTime(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant from,
            @ForAll("instants") Instant to) {
        Duration business = calendar.businessTimeBetween(from, to);

        assertThat(business).isBetween(Duration.ZERO, to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO);
    }

    @Property(tries = 300)
    void addingMoreNeverEndsEarlier(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("amounts") Duration first,
            @ForAll("amounts") Duration second) {
        Duration smaller = first.compareTo(second) <= 0 ? first : second;
        Duration larger = first.compareTo(second) <= 0 ? second : first;

        assertThat(calendar.addBusinessTime(start, smaller)).isBeforeOrEqualTo(calendar.addBusinessTime(start, larger));
    }

    @Property(tries = 300)
    void aPositiveAmountIsUsedUpInsideASpanOrAtItsClosingNeverOnAHoliday(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("amounts") Duration amount) {
        Duration positive = amount.isZero() ? Duration.ofSeconds(1) : amount;

        Instant due = calendar.addBusinessTime(start, positive);
        Instant lastCountedInstant = due.minusNanos(1);

        assertThat(due).isAfter(start);
        assertThat(calendar.isOpen(lastCountedInstant)).isTrue();
        assertThat(calendar.holidays()).doesNotContain(LocalDate.ofInstant(lastCountedInstant, calendar.zone()));
        assertThat(due).isAfterOrEqualTo(calendar.nextOpening(start).orElseThrow());
    }

    @Property(tries = 300)
    void theNextOpeningIsOpenAndNoBusinessTimePassesBeforeIt(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant instant) {
        Optional<Instant> opening = calendar.nextOpening(instant);

        assertThat(opening).hasValueSatisfying(at -> {
            assertThat(calendar.isOpen(at)).isTrue();
            assertThat(calendar.businessTimeBetween(instant, at)).isZero();
        });
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return RandomCalendars.calendars();
    }

    @Provide
    Arbitrary<Instant> instants() {
        return RandomCalendars.instants();
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return RandomCalendars.amounts();
    }
}
