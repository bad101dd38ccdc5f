package org.vigil.web;

/** The addressed resource does not exist, or the caller may not see it (both answer 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
