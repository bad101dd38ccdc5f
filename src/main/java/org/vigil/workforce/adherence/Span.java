package org.vigil.workforce.adherence;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time {@code [start, end)}. */
public record Span(Instant start, Instant end) {

    public Span {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a span ends after it starts: " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
