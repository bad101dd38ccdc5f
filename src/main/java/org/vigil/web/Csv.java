package org.vigil.web;

/** CSV answers: RFC 4180 cells that no spreadsheet will run as a formula. */
public final class Csv {

    private Csv() {
    }

    /** A quoted cell; a leading {@code = + - @}, tab or return is neutralised with an apostrophe. */
    public static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
