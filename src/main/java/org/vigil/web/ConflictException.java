package org.vigil.web;

import org.jspecify.annotations.Nullable;

/** The request is valid but clashes with the resource's current state; answered 409 saying why. */
public class ConflictException extends RuntimeException {

    private final @Nullable String field;

    public ConflictException(@Nullable String field, String detail) {
        super(detail);
        this.field = field;
    }

    public @Nullable String field() {
        return field;
    }
}
