package org.vigil.web;

/** The caller may see the resource but their role may not do this to it (answers 403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String why) {
        super(why);
    }
}
