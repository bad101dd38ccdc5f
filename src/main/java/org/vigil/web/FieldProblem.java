package org.vigil.web;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with one field of a request.
 *
 * @param field    the field as a dotted path with indexes, e.g. {@code reports[3].subject.type}
 * @param detail   what is wrong, in words a developer integrating with Vigil can act on
 * @param position where in the field's text the problem is, for fields that hold code (rule conditions)
 */
public record FieldProblem(String field, String detail, @Nullable Position position) {

    public FieldProblem(String field, String detail) {
        this(field, detail, null);
    }

    /** A place in a text: 1-based line and column, 0-based offset, counted in UTF-16 code units. */
    public record Position(int line, int column, int offset) {
    }

    /** The field as an RFC 6901 JSON pointer in a URI fragment, e.g. {@code #/reports/3/subject/type}. */
    public String pointer() {
        if (field.isEmpty()) {
            return "#";
        }
        StringBuilder pointer = new StringBuilder("#");
        for (String part : field.replace("[", ".").replace("]", "").split("\\.")) {
            pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
