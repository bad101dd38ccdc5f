package org.vigil.web;

import java.time.Duration;

/** The request cannot be taken now, though it may be later: answered 503 with a Retry-After. */
public class UnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public UnavailableException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
