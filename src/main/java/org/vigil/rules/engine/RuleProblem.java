package org.vigil.rules.engine;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One reason why a condition was refused, with its position in the condition text.
 *
 * <p>Positions count UTF-16 code units, as Java strings and browser editors do: {@code offset} is
 * the 0-based index into the condition ({@code condition.charAt(offset)} is where the problem is
 * found, or {@code offset == condition.length()} when the text ended too early); {@code line} and
 * {@code column} are 1-based, lines being separated by {@code '\n'}. A problem that concerns the
 * whole condition (such as its length) is placed at its start unless stated otherwise.
 *
 * @param message what is wrong, in CEL's words
 * @param line 1-based line
 * @param column 1-based column within the line
 * @param offset 0-based offset from the start of the condition
 */
public record RuleProblem(String message, int line, int column, int offset)
        implements Serializable {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a position is out of range
     */
    public RuleProblem {
        requireNonNull(message, "message");
        if (line < 1 || column < 1 || offset < 0) {
            throw new IllegalArgumentException(
                    "invalid position: line " + line + ", column " + column + ", offset " + offset);
        }
    }

    /** Creates a problem at {@code offset} of {@code condition}, computing its line and column. */
    static RuleProblem at(String condition, int offset, String message) {
        int clamped = Math.clamp(offset, 0, condition.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < clamped; i++) {
            if (condition.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(message, line, clamped - lineStart + 1, clamped);
    }

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
