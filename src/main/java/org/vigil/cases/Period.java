package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.vigil.web.Checks;

/** Whole UTC days from {@code from} to {@code to}, both included, as reports over a period take them. */
record Period(LocalDate from, LocalDate to, Instant start, Instant end) {

    /** The period, or a problem naming {@code from} or {@code to}; at most {@code maxDays} days. */
    static Period of(@Nullable LocalDate from, @Nullable LocalDate to, int maxDays) {
        Checks checks = new Checks();
        checks.required("from", from);
        checks.required("to", to);
        if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= maxDays)) {
            checks.fail("to", "must be on or after from and cover at most " + maxDays + " days");
        }
        checks.throwIfInvalid();
        return new Period(from, to, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    Timestamp startAt() {
        return Timestamp.from(start);
    }

    Timestamp endAt() {
        return Timestamp.from(end);
    }
}
