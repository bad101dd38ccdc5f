package org.vigil.web;

/**
 * One thing wrong with one field of a request.
 *
 * @param field  the field as a dotted path with indexes, e.g. {@code reports[3].subject.type}
 * @param detail what is wrong, in words a developer integrating with Vigil can act on
 */
public record FieldProblem(String field, String detail) {

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
