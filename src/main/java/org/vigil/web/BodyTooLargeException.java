package org.vigil.web;

import java.io.IOException;

/** A request body grew past its limit while it was being read. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
    }
}
