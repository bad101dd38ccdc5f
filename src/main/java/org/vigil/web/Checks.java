package org.vigil.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems of one request while it is checked field by field, so that a client learns
 * of every mistake at once. Text checks treat input as hostile: bounded in length, and free of
 * characters PostgreSQL cannot store (NUL) or that are not well-formed Unicode (lone surrogates).
 */
public final class Checks {

    private final String prefix;
    private final List<FieldProblem> problems;

    public Checks() {
        this("", new ArrayList<>());
    }

    private Checks(String prefix, List<FieldProblem> problems) {
        this.prefix = prefix;
        this.problems = problems;
    }

    /** Checks whose field names are prefixed, e.g. {@code subject.} or {@code reports[4].}. */
    public Checks under(String path) {
        return new Checks(prefix + path + ".", problems);
    }

    public Checks fail(String field, String detail) {
        problems.add(new FieldProblem(prefix + field, detail));
        return this;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws {@link InvalidInputException} when anything failed. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public boolean required(String field, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            fail(field, "is required");
            return false;
        }
        return true;
    }

    /** Optional text: when present it must be well-formed and at most {@code max} characters. */
    public boolean text(String field, @Nullable String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.length() > max) {
            fail(field, "must be at most " + max + " characters (was " + value.length() + ")");
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                fail(field, "must not contain the NUL character");
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                fail(field, "must be well-formed Unicode (lone surrogate at index " + i + ")");
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                fail(field, "must be well-formed Unicode (lone surrogate at index " + i + ")");
                return false;
            }
        }
        return true;
    }

    /** Required text, not blank, well-formed and at most {@code max} characters. */
    public boolean requiredText(String field, @Nullable String value, int max) {
        return required(field, value) && text(field, value, max);
    }

    /** Optional identifier-like text: printable, no surrounding whitespace, at most {@code max}. */
    public boolean identifier(String field, @Nullable String value, int max) {
        if (value == null) {
            return true;
        }
        if (!text(field, value, max)) {
            return false;
        }
        if (value.isBlank() || !value.strip().equals(value)) {
            fail(field, "must not be blank or have surrounding whitespace");
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                fail(field, "must not contain control characters");
                return false;
            }
        }
        return true;
    }

    public boolean oneOf(String field, @Nullable String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(field, "must be one of " + String.join(", ", allowed) + " (was '" + quote(value) + "')");
            return false;
        }
        return true;
    }

    public boolean range(String field, @Nullable Number value, double min, double max) {
        if (value == null) {
            return true;
        }
        double v = value.doubleValue();
        if (Double.isNaN(v) || v < min || v > max) {
            fail(field, "must be between " + plain(min) + " and " + plain(max) + " (was " + value + ")");
            return false;
        }
        return true;
    }

    public boolean size(String field, @Nullable Collection<?> value, int max) {
        if (value != null && value.size() > max) {
            fail(field, "must have at most " + max + " items (had " + value.size() + ")");
            return false;
        }
        return true;
    }

    public boolean size(String field, @Nullable Map<?, ?> value, int max) {
        if (value != null && value.size() > max) {
            fail(field, "must have at most " + max + " entries (had " + value.size() + ")");
            return false;
        }
        return true;
    }

    /** Every element of an optional set of codes must be one of {@code allowed}. */
    public boolean allOf(String field, @Nullable Collection<String> values, Set<String> allowed) {
        if (values == null) {
            return true;
        }
        int i = 0;
        for (String value : values) {
            if (!oneOf(field + "[" + i + "]", value, allowed)) {
                return false;
            }
            i++;
        }
        return true;
    }

    /**
     * An optional time zone: a region ID such as {@code Europe/Berlin} or an offset such as
     * {@code UTC}.
     *
     * @return the zone, or null when absent or invalid (then a problem is recorded)
     */
    public @Nullable ZoneId zone(String field, @Nullable String value) {
        if (value == null || !text(field, value, 64)) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            fail(field, "must be a time zone such as Europe/Berlin or UTC (was '" + quote(value) + "')");
            return null;
        }
    }

    /** A short, printable excerpt of a rejected value, safe to echo back. */
    public static String quote(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        StringBuilder safe = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> safe.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return safe.toString();
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
