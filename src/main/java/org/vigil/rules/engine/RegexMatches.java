package org.vigil.rules.engine;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.exceptions.CelInvalidArgumentException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL's {@code matches} function with compiled patterns kept for reuse.
 *
 * <p>cel-java compiles the pattern of {@code matches} at every call (about 0.5 to 3 µs). This
 * implementation has the same semantics (RE2 syntax, unanchored search, bounded program size) but
 * compiles each distinct pattern text once, up to {@value #MAX_PATTERNS} patterns; beyond that,
 * patterns are compiled at each call as before. Thread-safe.
 */
final class RegexMatches {

    static final int MAX_PATTERNS = 1_000;

    private final int maxProgramSize;
    private final ConcurrentHashMap<String, Pattern> patterns = new ConcurrentHashMap<>();

    RegexMatches(int maxProgramSize) {
        this.maxProgramSize = maxProgramSize;
    }

    /** Bindings of both overloads: {@code matches(text, regex)} and {@code text.matches(regex)}. */
    List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("matches", String.class, String.class, this::matches),
                CelFunctionBinding.from("matches_string", String.class, String.class, this::matches));
    }

    /**
     * Whether {@code regex} matches anywhere in {@code text}.
     *
     * @throws CelInvalidArgumentException if the pattern is invalid or too large, as cel-java's own
     *     {@code matches} does, so that the evaluation fails with CEL's INVALID_ARGUMENT error
     */
    boolean matches(String text, String regex) {
        try {
            return pattern(regex).matcher(text).find();
        } catch (PatternSyntaxException | IllegalArgumentException e) {
            throw new CelInvalidArgumentException(e);
        }
    }

    private Pattern pattern(String regex) {
        Pattern pattern = patterns.get(regex);
        if (pattern != null) {
            return pattern;
        }
        pattern = Pattern.compile(regex);
        if (pattern.programSize() > maxProgramSize) {
            throw new IllegalArgumentException(
                    "Regex pattern exceeds allowed program size. Allowed: "
                            + maxProgramSize
                            + ", Provided: "
                            + pattern.programSize());
        }
        if (patterns.size() < MAX_PATTERNS) {
            patterns.putIfAbsent(regex, pattern);
        }
        return pattern;
    }
}
